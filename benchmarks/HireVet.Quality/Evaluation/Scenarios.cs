using System.Globalization;
using System.Text.Json.Nodes;
using HireVet.Application.Vetting;

namespace HireVet.Quality.Evaluation;

/// <summary>Tuning scenarios measured on every run: weight patches over the shipped ruleset (so they follow it as it
/// changes), the two check changes of <see cref="Counterfactuals"/>, and both together. --what-if FILE and
/// --what-if-weights PATCH add more.</summary>
public sealed record Scenario(string Name, string Description, Ruleset Ruleset, bool Household = false, bool TravelClock = false,
    Referral Referrals = Referral.None, bool MainlandIsps = false, bool NameHandling = false, bool Camera = false)
{
    /// <summary>Medium indicators that honest candidates here never raise, enough on their own for review.</summary>
    public const string RingSpecificWeights = "NET-09=30,ID-15=30,LINK-02:medium=30";
    /// <summary>A referral from a flagged candidate is enough for review (the catalogue: "elevate scrutiny").</summary>
    public const string ReferralWeight = "LINK-09:medium=30";
    public const string MainlandWeight = "NET-08:high=35";
    /// <summary>INT-01 (camera off in every interview) alone is enough for review, as its catalogue severity H says.</summary>
    public const string CameraWeight = "INT-01=30";
    /// <summary>A sanctions namesake whose date of birth differs is context for a human, not a score.</summary>
    public const string NamesakeWeight = "PAY-13:medium=5";

    public static IReadOnlyList<Scenario> Defaults(Ruleset embedded) =>
    [
        new("A", $"weights {RingSpecificWeights}", Patch(embedded, RingSpecificWeights)),
        // B is in the checks since ecb33a9 (LINK-04/LINK-06 and NET-09; LINK-09 not yet): kept as a guard that it stays so.
        new("B", "checks: household links (with LINK-09 on them), travel clock", embedded, Household: true, TravelClock: true),
        new("A+B", "both", Patch(embedded, RingSpecificWeights), Household: true, TravelClock: true),
        new("A+B+C", $"and a referral check by referrer id, {ReferralWeight}", Patch(embedded, $"{RingSpecificWeights},{ReferralWeight}"),
            Household: true, TravelClock: true, Referrals: Referral.ById),
        new("A+C, ring check as is", "A+B+C but LINK-09 still raised for households", Patch(embedded, $"{RingSpecificWeights},{ReferralWeight}"),
            TravelClock: true, Referrals: Referral.ById),
        new("A+B+C by name", "the same, the referrer matched by name", Patch(embedded, $"{RingSpecificWeights},{ReferralWeight}"),
            Household: true, TravelClock: true, Referrals: Referral.ByName),
        new("A+B+C+E", $"and name handling: ICAO umlauts, payee screened with the date of birth, {NamesakeWeight}",
            Patch(embedded, $"{RingSpecificWeights},{ReferralWeight},{NamesakeWeight}"),
            Household: true, TravelClock: true, Referrals: Referral.ById, NameHandling: true),
        new("A+B+C+E+F", $"and a camera check, {CameraWeight}", Patch(embedded, $"{RingSpecificWeights},{ReferralWeight},{NamesakeWeight},{CameraWeight}"),
            Household: true, TravelClock: true, Referrals: Referral.ById, NameHandling: true, Camera: true),
        new("A+…+F", $"and CN/RU ISPs graded high, {MainlandWeight}", Patch(embedded, $"{RingSpecificWeights},{ReferralWeight},{NamesakeWeight},{CameraWeight},{MainlandWeight}"),
            Household: true, TravelClock: true, Referrals: Referral.ById, MainlandIsps: true, NameHandling: true, Camera: true),
    ];

    /// <summary>The per-candidate changes (everything but referrals, which depend on who else is flagged).</summary>
    private Scored Adjust(Scored s, Counterfactuals counterfactuals)
    {
        if (Household) s = counterfactuals.WithoutHouseholdLinks(s);
        if (TravelClock) s = counterfactuals.WithoutTravelClock(s);
        if (MainlandIsps) s = Counterfactuals.WithMainlandIspsGraded(s);
        if (NameHandling) s = counterfactuals.WithNameHandling(s);
        if (Camera) s = Counterfactuals.WithCameraCheck(s);
        return s;
    }

    /// <summary>The whole corpus under the scenario. Referrals propagate along chains, so they are added until the
    /// flagged set stops changing.</summary>
    public IReadOnlyList<Scored> Apply(IReadOnlyList<Scored> rows, Counterfactuals counterfactuals)
    {
        var adjusted = rows.Select(s => Adjust(s, counterfactuals)).ToArray();
        var current = adjusted.Select(s => s.Under(Ruleset)).ToArray();
        for (var pass = 0; Referrals != Referral.None && pass < 10; pass++)
        {
            var flagged = Counterfactuals.Flagged(current);
            var next = adjusted.Select(s => Counterfactuals.WithReferral(s, flagged, Referrals == Referral.ByName).Under(Ruleset)).ToArray();
            var settled = next.Select(n => n.Band).SequenceEqual(current.Select(c => c.Band));
            current = next;
            if (settled) break;
        }
        return current;
    }

    /// <summary>A fairness pair under the scenario, referrals judged against the corpus's flagged candidates.</summary>
    public (Scored Original, Scored Swapped) Apply(FairnessCheck.Pair pair, IReadOnlyList<Scored> corpus, Counterfactuals counterfactuals)
    {
        var flagged = Counterfactuals.Flagged(corpus);
        Scored One(Scored s) => (Referrals == Referral.None ? Adjust(s, counterfactuals)
            : Counterfactuals.WithReferral(Adjust(s, counterfactuals), flagged, Referrals == Referral.ByName)).Under(Ruleset);
        return (One(pair.Original), One(pair.Swapped));
    }

    /// <summary>"NET-09=30,LINK-02:medium=30": sets an indicator's weight, or one severity's.</summary>
    public static Ruleset Patch(Ruleset ruleset, string patch)
    {
        var root = JsonNode.Parse(ruleset.Text)!.AsObject();
        var indicators = root["indicators"]!.AsObject();
        foreach (var entry in patch.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var (key, value) = (entry.Split('=')[0], int.Parse(entry.Split('=')[1], CultureInfo.InvariantCulture));
            var (id, severity) = key.Contains(':') ? (key.Split(':')[0], key.Split(':')[1]) : (key, (string?)null);
            if (severity is null) { indicators[id] = value; continue; }
            if (indicators[id] is not JsonObject bySeverity)
            {
                // A single number weighs every severity: spell it out before changing one.
                var all = indicators[id]?.GetValue<int>() ?? 0;
                bySeverity = new JsonObject { ["low"] = all, ["medium"] = all, ["high"] = all };
                indicators[id] = bySeverity;
            }
            bySeverity[severity] = value;
        }
        root["version"] = $"{ruleset.Version}+{patch}"[..Math.Min(50, ruleset.Version.Length + 1 + patch.Length)];
        return Ruleset.Parse(root.ToJsonString());
    }
}

public enum Referral
{
    None,
    /// <summary>The dossier would carry the referrer's candidate id.</summary>
    ById,
    /// <summary>Today's dossier: the referrer's name, matched to flagged candidates' legal names.</summary>
    ByName,
}
