using System.Text.Json.Nodes;
using HireVet.Application.Checks.Identity;
using HireVet.Application.ReferenceData;
using HireVet.Application.ReferenceData.Sanctions;

namespace HireVet.Application.Checks.Sanctions;

/// <summary>PAY-13: the candidate's names, the payee, previous employers and the referrer screened against the full
/// OFAC SDN list with aliases (romanisation-aware fuzzy matching), plus exact matches on SDN emails and websites.
/// Each hit shows why, as an analyst expects: the matched listed name and score, whether the date of birth and country
/// agree, and the programmes. A person's names match listed individuals only, an employer listed entities only, a payee
/// or referrer either, never a vessel or aircraft. A hit whose date of birth agrees is confirmed (critical); one whose
/// date of birth disagrees is a likely namesake (medium); a name-only hit is critical for a DPRK programme and high
/// otherwise, except on a common name ("Mohammed Ali"), which stays high (review) and says what would confirm it.</summary>
public sealed class SanctionsScreeningCheck : ICheck
{
    public string Name => "sanctions-screening";
    public string[] Indicators => ["PAY-13"];

    public CheckResult Run(VettingContext context)
    {
        if (context.Reference.Get<SanctionsIndex>(Datasets.OfacSdn) is not { } sdn)
            return CheckResult.NotEvaluated(context.Reference.Unavailable(Datasets.OfacSdn));
        var d = context.Dossier;
        var dob = d.DateOfBirth?.ToString("yyyy-MM-dd");
        var country = d.ClaimedResidence?.Country;

        var screened = new List<(string Field, string Value, string? Dob, string? Country)>();
        if (d.LegalName is { Length: > 0 } legal) screened.Add(("legal name", legal, dob, country));
        foreach (var other in d.OtherNames ?? []) screened.Add(("other name", other, dob, country));
        if (d.PayrollDestination?.AccountHolderName is { Length: > 0 } holder)
        {
            // A payee who is the candidate (by any declared name) is screened with the candidate's date of birth and
            // country, so a namesake is told apart as it is for the legal name; someone else's account has neither.
            var declared = screened.Select(s => s.Value).ToArray();
            if (!declared.Any(n => NameMatcher.Normalize(n) == NameMatcher.Normalize(holder)))
            {
                var isCandidate = declared.Any(n => NameMatcher.Compare(n, holder) != NameMatch.Different);
                screened.Add(("payroll account holder", holder, isCandidate ? dob : null, isCandidate ? country : null));
            }
        }
        foreach (var job in d.EmploymentHistory ?? [])
            if (job.Employer is { Length: > 0 } employer) screened.Add(("previous employer", employer, null, null));
        if (d.ReferredBy is { Length: > 0 } referrer) screened.Add(("referrer", referrer, null, null));

        var signals = new List<RawSignal>();
        foreach (var (field, value, fieldDob, fieldCountry) in screened.DistinctBy(s => (s.Field, s.Value)))
        foreach (var hit in sdn.Screen(value, fieldDob, fieldCountry, subject: SubjectOf(field)))
            signals.Add(NameHit(field, value, hit));

        var emails = new[] { d.Email, d.PayrollDestination?.PlatformAccountEmail }.Concat((d.References ?? []).Select(r => r.Email))
            .OfType<string>().Distinct();
        foreach (var email in emails)
        foreach (var entry in sdn.ByEmail(email))
            signals.Add(Exact("email address", email, entry));

        var hosts = (d.Profiles ?? []).Select(p => Uri.TryCreate(p.Url, UriKind.Absolute, out var u) ? u.Host : null)
            .Concat((d.EmploymentHistory ?? []).Select(e => e.EmployerDomain)).OfType<string>().Distinct();
        foreach (var host in hosts)
        foreach (var entry in sdn.ByWebsiteHost(host))
            signals.Add(Exact("website", host, entry));

        return signals.Count == 0 ? CheckResult.NotFired : CheckResult.Fired([.. signals]);
    }

    public const string Confirmed = "confirmed";
    public const string Namesake = "namesake";
    public const string NameOnly = "name-only";

    /// <summary>How a name hit counts: <see cref="Kind"/> is confirmed, namesake or name-only; <see cref="WouldConfirm"/>
    /// lists what the reviewer should compare when the name is all that agrees.</summary>
    public sealed record Grade(string Kind, string Severity, IReadOnlyList<string> WouldConfirm);

    /// <summary>Which SDN entry types a screened field may match.</summary>
    public static SanctionsSubject SubjectOf(string field) => field switch
    {
        "legal name" or "other name" => SanctionsSubject.Person,
        "previous employer" => SanctionsSubject.Organisation,
        _ => SanctionsSubject.PersonOrOrganisation,
    };

    public static Grade GradeOf(SanctionsHit hit)
    {
        if (hit.DateOfBirthAgreement == SanctionsHit.Match) return new(Confirmed, Severity.Critical, []);
        if (hit.DateOfBirthAgreement == SanctionsHit.Mismatch) return new(Namesake, Severity.Medium, []);
        var wouldConfirm = new List<string>();
        if (hit.Entry.DatesOfBirth.Length > 0) wouldConfirm.Add($"date of birth (listed {string.Join(", ", hit.Entry.DatesOfBirth)})");
        if (hit.Entry.Countries.Length > 0 && hit.CountryAgreement != SanctionsHit.Match) wouldConfirm.Add($"country (listed {string.Join("; ", hit.Entry.Countries)})");
        var severity = hit.CommonName || !hit.Entry.IsDprkProgram ? Severity.High : Severity.Critical;
        return new(NameOnly, severity, wouldConfirm);
    }

    private static RawSignal NameHit(string field, string value, SanctionsHit hit)
    {
        var grade = GradeOf(hit);
        var severity = grade.Severity;
        var dobText = hit.DateOfBirthAgreement switch
        {
            SanctionsHit.Match => "date of birth agrees",
            SanctionsHit.Mismatch => "date of birth differs",
            _ => "date of birth not comparable",
        };
        return new RawSignal("PAY-13", severity,
            $"The {field} \"{value}\" matches the OFAC SDN entry \"{hit.Entry.PrimaryName}\" ({string.Join(", ", hit.Entry.Programs)}; " +
            $"name score {hit.NameScore:0.00}; {dobText}" +
            (grade.Kind == NameOnly && hit.CommonName ? "; a common name, so a name-only match until the date of birth or country confirms it" : "") + ").",
            new JsonObject
            {
                ["field"] = field,
                ["screened"] = value,
                ["matchedName"] = hit.MatchedName,
                ["nameScore"] = Math.Round(hit.NameScore, 3),
                ["dateOfBirth"] = hit.DateOfBirthAgreement,
                ["country"] = hit.CountryAgreement,
                ["match"] = grade.Kind,
                ["commonName"] = hit.CommonName,
                ["wouldConfirm"] = new JsonArray([.. grade.WouldConfirm.Select(w => (JsonNode)w)]),
                ["sdn"] = Entry(hit.Entry),
                ["reasons"] = new JsonArray([.. hit.Reasons.Select(r => (JsonNode)r)]),
            });
    }

    private static RawSignal Exact(string field, string value, SdnEntry entry) =>
        new("PAY-13", entry.IsDprkProgram ? Severity.Critical : Severity.High,
            $"The {field} {value} is listed on the OFAC SDN entry \"{entry.PrimaryName}\" ({string.Join(", ", entry.Programs)}).",
            new JsonObject { ["field"] = field, ["value"] = value, ["sdn"] = Entry(entry) });

    private static JsonObject Entry(SdnEntry e) => new()
    {
        ["profileId"] = e.ProfileId,
        ["name"] = e.PrimaryName,
        ["type"] = e.Type,
        ["programs"] = new JsonArray([.. e.Programs.Select(p => (JsonNode)p)]),
        ["dprkProgram"] = e.IsDprkProgram,
    };
}
