using HireVet.Application.Checks.Payroll;
using HireVet.Application.ReferenceData;
using HireVet.Application.ReferenceData.Contact;

namespace HireVet.Application.Checks.Network;

/// <summary>The countries other than the claimed residence that the candidate's own declarations tie them to: the
/// address on their identity document, their bank, their phone number, where the laptop goes. A country lived in
/// before leaves such traces, so a sighting or a device clock of one of them is explained by ordinary life (see
/// <see cref="Signal.Place"/>). Never the document's issuing country: that would read nationality.</summary>
public static class CountryTies
{
    /// <summary>Networks that ordinary life does not explain away when the claims place the candidate elsewhere: the
    /// advisories name China and Russia (NET-08). They are still graded as any foreign network (decision 0039), only
    /// never absorbed into a life event.</summary>
    public static readonly IReadOnlySet<string> NetworksOfConcern = new HashSet<string>(StringComparer.Ordinal) { "CN", "RU", "KP" };

    /// <summary>A trip or the weeks around a move: sightings of one country within this span.</summary>
    public static readonly TimeSpan OneStay = TimeSpan.FromDays(30);

    public static IReadOnlySet<string> Declared(VettingContext context)
    {
        var d = context.Dossier;
        var ties = new HashSet<string>(StringComparer.Ordinal);
        Add(ties, d.IdentityDocument?.Address?.Country);
        Add(ties, d.EquipmentShipping?.Address?.Country);
        if (d.PayrollDestination is { } pay)
            foreach (var (_, country) in BankCountries.Of(pay).Known) Add(ties, country);
        if (d.Phone is { Length: > 0 } phone && context.Reference.Get<PhoneMetadata>(Datasets.PhoneMetadata)?.Describe(phone) is { Country: { } c, IsLocationIndependent: false })
            Add(ties, c);
        if (d.ClaimedResidence?.Country is { } residence) ties.Remove(residence.Trim().ToUpperInvariant());
        return ties;
    }

    private static void Add(HashSet<string> ties, string? country)
    {
        if (country is { Length: 2 }) ties.Add(country.ToUpperInvariant());
    }
}
