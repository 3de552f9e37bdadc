using System.Text.Json.Nodes;
using HireVet.Application.Dossiers;

namespace HireVet.Application.Checks.Identity;

/// <summary>ID-18: the newest identity-verification result does not fit the application (Greenhouse and CLEAR, catalogue
/// S53; S1). A failed liveness or document check, or a verified person who is not the applicant (another date of birth,
/// a name sharing nothing with the declared ones), is high. The causes Greenhouse lists for honest mismatches (a married
/// or maiden surname, a nickname or preferred name, a dropped middle name, another romanisation) are low, with the
/// likely cause in the evidence; names are compared with ID-01's matcher. The document's issuing country is never a
/// signal of who someone is: it counts only where it contradicts what the dossier says about that same document.</summary>
public sealed class IdentityVerificationCheck : ICheck
{
    private const string Source = "(Greenhouse and CLEAR identity verification, S53; S1)";

    public string Name => "identity-verification";
    public string[] Indicators => ["ID-18"];

    public CheckResult Run(VettingContext context)
    {
        if (context.IdentityVerifications is not { Count: > 0 } results)
            return CheckResult.NotEvaluated("No identity-verification result was received for the candidate.");
        var r = results[0];
        var d = context.Dossier;
        var signals = new List<RawSignal>();
        JsonObject Evidence(params (string Key, JsonNode? Value)[] extra)
        {
            var evidence = new JsonObject
            {
                ["vendor"] = r.Vendor, ["vendorReference"] = r.VendorReference, ["verifiedAt"] = r.VerifiedAt?.ToString("O"),
                ["earlierResults"] = results.Count - 1,
            };
            foreach (var (key, value) in extra) evidence[key] = value;
            return evidence;
        }

        foreach (var (check, outcome) in new[] { ("liveness (selfie)", r.LivenessOutcome), ("document", r.DocumentOutcome) })
        {
            if (outcome == "failed")
                signals.Add(new RawSignal("ID-18", Severity.High,
                    $"The {check} check of the {r.Vendor} identity verification failed {Source}.", Evidence(("check", check), ("outcome", outcome))));
            else if (outcome == "needs_review")
                signals.Add(new RawSignal("ID-18", Severity.Low,
                    $"The {r.Vendor} identity verification left its {check} check to a manual review; ask the vendor for the conclusion {Source}.",
                    Evidence(("check", check), ("outcome", outcome))));
        }

        // The evidence is stored in clear with the assessment, so it says how the dates differ, never the dates (both
        // are encrypted at rest; a reviewer reads them on the candidate's page).
        var declaredBirth = d.DateOfBirth ?? d.IdentityDocument?.DateOfBirth;
        var birth = CompareBirthDates(r.DateOfBirth, declaredBirth);
        if (birth == BirthDates.Different)
            signals.Add(new RawSignal("ID-18", Severity.High,
                $"The date of birth {r.Vendor} verified is not the candidate's: the verified person is someone else {Source}.",
                Evidence(("dateOfBirth", "different"), ("differsIn", DifferingParts(r.DateOfBirth!.Value, declaredBirth!.Value)),
                    ("daysApart", Math.Abs(r.DateOfBirth.Value.DayNumber - declaredBirth.Value.DayNumber)))));
        else if (birth == BirthDates.DayAndMonthSwapped)
            signals.Add(new RawSignal("ID-18", Severity.Low,
                $"The date of birth {r.Vendor} verified has the day and month of the declared one swapped, a date-format slip rather than another person {Source}.",
                Evidence(("dateOfBirth", "day and month swapped"), ("likelyCause", "day and month swapped"))));

        if (r.VerifiedName is { Length: > 0 } verified && NameFinding(d, verified, birth) is { } name)
            signals.Add(new RawSignal("ID-18", name.Severity,
                $"The name {r.Vendor} verified (\"{verified}\") {name.Sentence} {Source}.",
                Evidence(("verifiedName", verified), ("declaredNames", CandidateNames.ToJson(CandidateNames.Declared(d))), ("likelyCause", name.LikelyCause))));

        if (DocumentCountryContradiction(d, r) is { } claimed)
            signals.Add(new RawSignal("ID-18", Severity.Medium,
                $"The dossier says the {r.DocumentType ?? "identity document"} was issued by {claimed}, but the one {r.Vendor} verified was issued by " +
                $"{r.DocumentCountry}: what was declared about the document is not the document shown {Source}.",
                Evidence(("documentType", r.DocumentType), ("declaredIssuingCountry", claimed), ("verifiedIssuingCountry", r.DocumentCountry))));

        return signals.Count == 0 ? CheckResult.NotFired : CheckResult.Fired([.. signals]);
    }

    internal enum BirthDates { Unknown, Same, DayAndMonthSwapped, Different }

    private static string DifferingParts(DateOnly a, DateOnly b) => string.Join(", ", new[]
        { a.Year != b.Year ? "year" : null, a.Month != b.Month ? "month" : null, a.Day != b.Day ? "day" : null }.OfType<string>());

    internal static BirthDates CompareBirthDates(DateOnly? verified, DateOnly? declared) =>
        verified is not { } v || declared is not { } c ? BirthDates.Unknown
        : v == c ? BirthDates.Same
        : v.Year == c.Year && v.Month == c.Day && v.Day == c.Month ? BirthDates.DayAndMonthSwapped
        : BirthDates.Different;

    private sealed record NameFindingResult(string Severity, string Sentence, string? LikelyCause);

    /// <summary>Null when the verified name is the legal name, written alike or in its ICAO spelling, or the name the
    /// dossier already gives for the document (how that compares with the legal name is ID-01's finding).</summary>
    private static NameFindingResult? NameFinding(Dossier d, string verified, BirthDates birth)
    {
        if (d.IdentityDocument?.NameOnDocument is { Length: > 0 } onDocument && WrittenAlike(onDocument, verified)) return null;
        var legal = d.LegalName ?? "";
        // "김상만" against "Kim Sang Man": the matcher compares letters, not scripts, so a name in another script is not
        // evidence of another person (that would fall on people by origin). The date of birth still compares.
        if (IsLatin(legal) != IsLatin(verified)) return null;
        var sameBirth = birth is BirthDates.Same or BirthDates.DayAndMonthSwapped;
        switch (NameMatcher.Compare(legal, verified))
        {
            case NameMatch.Same when WrittenAlike(legal, verified):
                return null;
            case NameMatch.Same:
                return new(Severity.Low, $"is the legal name \"{legal}\" in another romanisation", "transliteration");
            case NameMatch.Compatible:
                return Tokens(legal).Length != Tokens(verified).Length
                    ? new(Severity.Low, $"is the legal name \"{legal}\" with a middle name dropped or added", "dropped or added middle name")
                    : new(Severity.Low, $"is the legal name \"{legal}\" with initials or a one-letter typo", "initials or a typo");
        }

        var (other, closest) = CandidateNames.Best(d, verified);
        if (other != NameMatch.Different)
            return new(Severity.Low, $"is not the legal name but matches \"{closest}\", a name the candidate declared (a maiden, married or preferred name)",
                "a declared other name");

        var shared = SharedTokens(legal, verified);
        if (shared.Length == 0)
            return new(Severity.High, $"shares nothing with the candidate's legal name \"{legal}\" or other names: the verified person is someone else", null);

        var legalTokens = Tokens(legal);
        var cause = shared.Contains(legalTokens[^1]) && !shared.Contains(legalTokens[0])
            ? "a nickname or preferred given name"
            : shared.Contains(legalTokens[0]) && !shared.Contains(legalTokens[^1])
                ? "a married or maiden surname"
                : "part of the name changed (a married or maiden name, a nickname or preferred name)";
        return sameBirth
            ? new(Severity.Low, $"shares \"{string.Join(' ', shared)}\" with the legal name \"{legal}\" and the date of birth agrees: likely {cause}", cause)
            : new(Severity.Medium, $"shares only \"{string.Join(' ', shared)}\" with the legal name \"{legal}\", and no date of birth confirms it is the same person " +
                                   $"(possibly {cause}; ask for the document the change appears on)", cause);
    }

    private static bool IsLatin(string name) =>
        NameMatcher.Normalize(name).Where(char.IsLetter).All(c => c <= '\u024F');

    /// <summary>The same letters, whatever the case, accents, punctuation or ICAO spelling.</summary>
    private static bool WrittenAlike(string a, string b) =>
        NameMatcher.Normalize(a) == NameMatcher.Normalize(b) || NameMatcher.NormalizeIcao(a) == NameMatcher.NormalizeIcao(b);

    private static string[] Tokens(string name) => NameMatcher.Normalize(name).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The legal name's tokens that some token of the verified name matches (as the matcher compares single words).</summary>
    private static string[] SharedTokens(string legal, string verified)
    {
        var theirs = Tokens(verified);
        return [.. Tokens(legal).Where(t => t.Length > 1 && theirs.Any(v => NameMatcher.Compare(t, v) == NameMatch.Same))];
    }

    /// <summary>The issuing country the dossier claims for the same kind of document, when the verified one differs.</summary>
    private static string? DocumentCountryContradiction(Dossier d, IdentityVerificationResult r)
    {
        if (d.IdentityDocument is not { IssuingCountry: { Length: > 0 } claimed } doc || r.DocumentCountry is not { Length: > 0 } verified) return null;
        // A candidate may hold several documents: only the same kind of document can contradict the declared one.
        if (doc.Type is not null && r.DocumentType is not null && doc.Type != r.DocumentType) return null;
        return string.Equals(claimed, verified, StringComparison.OrdinalIgnoreCase) ? null : claimed;
    }
}
