using System.Text.RegularExpressions;
using HireVet.Application.Candidates;

namespace HireVet.Quality.Corpus;

/// <summary>The fairness check's clone: the same dossier with the person's name replaced by a name of another origin
/// in every field that carries it (legal, other names, document, payee, shipping recipient, email, profiles), each
/// field in the same form as before (<see cref="NameForms"/>). Nothing else changes.</summary>
public static partial class NameSwap
{
    public static (SubmitCandidate.Command Dossier, PersonName Name) Clone(Labelled original, int seed)
    {
        var rng = new Random(seed);
        var d = original.Dossier;
        var old = original.Name;
        var name = Names.Of(rng, Names.SwapTarget(old.Origin));
        if (old.Maiden is not null) name = name with { Maiden = Names.Of(rng, name.Origin).Family };
        var forms = original.Forms;
        var email = SwapEmail(d.Email!, name, original.ExternalId);

        // A field is swapped only if it carried the candidate's own name (a mule's or facilitator's name stays).
        string? Swap(string? value, NameForm form) => value == old.Form(form) ? name.Form(form) : value;

        var pay = d.PayrollDestination;
        var clone = d with
        {
            LegalName = name.Form(forms.Legal),
            OtherNames = forms.DeclaresVariant ? [name.Variant] : forms.DeclaresMaiden ? [name.Form(NameForm.Maiden)] : d.OtherNames,
            Email = email,
            IdentityDocument = d.IdentityDocument! with { NameOnDocument = Swap(d.IdentityDocument.NameOnDocument, forms.Document) },
            PayrollDestination = pay is null ? null : pay with
            {
                AccountHolderName = Swap(pay.AccountHolderName, forms.Payee),
                PlatformAccountEmail = pay.PlatformAccountEmail == d.Email ? email : pay.PlatformAccountEmail,
            },
            EquipmentShipping = d.EquipmentShipping! with { RecipientName = Swap(d.EquipmentShipping.RecipientName, forms.Shipping) },
            Profiles = [.. d.Profiles!.Select(p => p.DisplayName == old.Legal ? p with { DisplayName = name.Legal, Url = SwapUrl(p.Url, old, name), Handle = SwapHandle(p.Handle, old, name) } : p)],
        };
        return (clone, name);
    }

    /// <summary>The new name's address at the same provider. The external id's digits keep it unique: a clone may draw
    /// the name of someone it lives with, and an identical address would link the two.</summary>
    private static string SwapEmail(string email, PersonName name, string externalId)
    {
        var (g, f) = name.Ascii;
        var at = email.IndexOf('@');
        return $"{g}.{f}.{Digits().Match(externalId).Value}{email[at..]}";
    }

    private static string? SwapHandle(string? handle, PersonName old, PersonName name) =>
        handle is null ? null : handle.Replace(old.Ascii.Given, name.Ascii.Given).Replace(old.Ascii.Family, name.Ascii.Family);

    private static string? SwapUrl(string? url, PersonName old, PersonName name) =>
        url is null ? null : url.Replace(old.Ascii.Given, name.Ascii.Given).Replace(old.Ascii.Family, name.Ascii.Family);

    [GeneratedRegex(@"\d+$")] private static partial Regex Digits();
}
