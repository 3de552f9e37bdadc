using System.Text.Json.Nodes;
using HireVet.Application.Checks;
using HireVet.Application.Checks.Identity;

namespace HireVet.Quality.Evaluation;

/// <summary>Check changes the report measures but HireVet does not make, applied to the stored signals:
/// <list type="bullet">
/// <item>Referrer by name: LINK-09 (medium) when the dossier names a flagged candidate as referrer only by name, without
/// the referrer's candidate id that the referral check follows. Namesakes make it costly.</item>
/// <item>Mainland ISPs: NET-08 for a Chinese or Russian ISP graded high rather than medium, and a sighting in the DPRK
/// block graded critical. Its cost falls on honest travellers to China.</item>
/// </list>
/// (The household, travel-clock, referral-by-id, ICAO-name and camera changes this class measured before are in the
/// checks since ruleset 2026.11-5.)</summary>
public static class Counterfactuals
{
    /// <summary>The flagged candidates by normalised legal name.</summary>
    public static ILookup<string, string> FlaggedByName(IEnumerable<Scored> rows) =>
        rows.Where(r => r.Flagged).ToLookup(r => NameMatcher.Normalize(r.Label.Dossier.LegalName ?? ""), r => r.Label.ExternalId);

    public static Scored WithReferrerByName(Scored s, ILookup<string, string> flagged)
    {
        if (s.Label.Dossier.ReferredBy is not { Length: > 0 } referrer || s.Label.Dossier.ReferrerId is not null) return s;
        var who = flagged[NameMatcher.Normalize(referrer)].Where(id => id != s.Label.ExternalId).ToArray();
        if (who.Length == 0) return s;
        return s with
        {
            Signals = [.. s.Signals, new Signal
            {
                IndicatorId = "LINK-09", Check = "referral by name (proposed)", Severity = Severity.Medium,
                Explanation = $"Referred by {referrer}, the name of {who.Length} flagged candidate(s).",
                Evidence = new JsonObject { ["referredBy"] = referrer, ["flaggedCandidates"] = new JsonArray([.. who.Select(w => (JsonNode)w)]) },
            }],
        };
    }

    public static Scored WithMainlandIspsGraded(Scored s) => s with
    {
        Signals = [.. s.Signals.Select(x => x.IndicatorId != "NET-08" ? x
            : x.Severity == Severity.High ? x with { Severity = Severity.Critical }
            : x.Evidence["addresses"] is JsonArray seen && seen.Any(a => a?["registeredCountry"]?.GetValue<string>() is "CN" or "RU") ? x with { Severity = Severity.High }
            : x)],
    };

    /// <summary>The signals as the checks before issue 16 graded them: no places (so no life event), a device clock far
    /// during one trip still medium, and a document, payee or shipping name one name apart from a declared one still
    /// medium, high and high. (Clocks the new trip rule no longer flags at all cannot be brought back from the stored
    /// signals, so this understates the previous flags slightly.)</summary>
    public static Scored WithPreviousChecks(Scored s) => s with
    {
        Signals = [.. s.Signals.Select(x =>
        {
            x = x with { Place = null };
            var oneNameApart = x.Evidence["likelyCause"] is not null;
            return (x.IndicatorId, x.Severity) switch
            {
                ("NET-09", Severity.Low) => x with { Severity = Severity.Medium },
                ("ID-01", Severity.Low) when oneNameApart => x with { Severity = Severity.Medium },
                ("PAY-04", Severity.Medium) when oneNameApart => x with { Severity = Severity.High },
                ("SHIP-01", Severity.Medium) when oneNameApart => x with { Severity = Severity.High },
                _ => x,
            };
        })],
    };
}
