using System.Text.Json.Nodes;
using HireVet.Application.ReferenceData;
using HireVet.Application.ReferenceData.Contact;

namespace HireVet.Application.Checks.Contact;

/// <summary>
/// ID-12 (incorrect or changing contact information), medium: the candidate's email address, or the email of the
/// payment-platform account pay would go to, is on a disposable (throw-away) email domain such as mailinator.com.
/// ID-12 is the closest catalogue item: a disposable mailbox is contact information built to stop working or change
/// hands, which is what "incorrect or changing contact information" guards against. ID-13 needs OSINT on the address
/// (names it is registered under) and ID-01 an inconsistency between sources; neither is what is seen here.
/// The list (disposable-email-domains, conservative) does not contain free webmail: gmail.com, outlook.com and proton.me
/// are not flagged, and using free webmail is never a signal for the candidate's own address.
/// Not evaluated without an email address or without the disposable-domain list.
/// </summary>
public sealed class DisposableEmailCheck : ICheck
{
    public string Name => "disposable-email";
    public string[] Indicators => ["ID-12"];

    public CheckResult Run(VettingContext context)
    {
        var d = context.Dossier;
        var addresses = new (string Field, string? Email)[]
            {
                ("email", d.Email),
                ("payrollDestination.platformAccountEmail", d.PayrollDestination?.PlatformAccountEmail),
            }
            .Where(a => !string.IsNullOrWhiteSpace(a.Email))
            .ToArray();
        if (addresses.Length == 0) return CheckResult.NotEvaluated("The dossier has no email address.");
        if (context.Reference.Get<DomainList>(Datasets.DisposableEmailDomains) is not { } disposable)
            return CheckResult.NotEvaluated(context.Reference.Unavailable(Datasets.DisposableEmailDomains));

        var hits = addresses
            .Select(a => (a.Field, Email: a.Email!.Trim(), Domain: DomainNames.OfEmail(a.Email)))
            .Select(a => (a.Field, a.Email, a.Domain, Listed: disposable.Match(a.Domain)))
            .Where(a => a.Listed is not null)
            .ToArray();
        if (hits.Length == 0) return CheckResult.NotFired;

        var what = string.Join(" and ", hits.Select(h => h.Field == "email"
            ? $"email address {h.Email}"
            : $"payment-platform account email {h.Email}"));
        return CheckResult.Fired(new RawSignal("ID-12", Severity.Medium,
            $"The candidate's {what} {(hits.Length == 1 ? "is" : "are")} on a disposable (throw-away) email domain ({string.Join(", ", hits.Select(h => h.Listed).Distinct())}).",
            new JsonObject
            {
                ["addresses"] = new JsonArray([.. hits.Select(h => (JsonNode)new JsonObject
                {
                    ["field"] = h.Field,
                    ["email"] = h.Email,
                    ["domain"] = h.Domain,
                    ["listedDomain"] = h.Listed,
                })]),
                ["list"] = Datasets.DisposableEmailDomains,
            }));
    }
}
