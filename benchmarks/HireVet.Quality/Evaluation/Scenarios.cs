using System.Globalization;
using System.Text.Json.Nodes;
using HireVet.Application.Vetting.Scoring;

namespace HireVet.Quality.Evaluation;

/// <summary>Tuning scenarios measured on every run: weight patches over the shipped ruleset (so they follow it as it
/// changes) and the check changes of <see cref="Counterfactuals"/>. --what-if FILE and --what-if-weights PATCH add more.</summary>
public sealed record Scenario(string Name, string Description, Ruleset Ruleset, bool ReferrerByName = false, bool MainlandIsps = false, bool PreviousChecks = false)
{
    /// <summary>The ruleset shipped before issue 16 (no life events), kept here to shadow-run against.</summary>
    public static Ruleset Previous => Ruleset.Parse(File.ReadAllText(Path.Combine(Running.Paths.RepositoryRoot, "benchmarks", "HireVet.Quality", "Rulesets", "2026.12-1.json")));

    /// <summary>Ruleset 2026.11-4's weights for what 2026.11-5 changed, to show what the tuning bought.</summary>
    public const string PreviousWeights = "NET-09=20,ID-15=25,LINK-02:medium=25,LINK-09:medium=20,PAY-13:medium=20,INT-01:medium=0,INT-01:high=0";
    public const string MainlandWeight = "NET-08:high=35";

    public static IReadOnlyList<Scenario> Defaults(Ruleset embedded) =>
    [
        new("previous ruleset", "the stored signals under ruleset 2026.12-1 (no life events), as a shadow run would re-weigh them", Previous),
        new("previous checks and ruleset", "also the names one name apart and the trip clocks graded as before issue 16 (Counterfactuals.WithPreviousChecks)", Previous, PreviousChecks: true),
        new("previous weights", $"the checks as now under 2026.11-4's weights ({PreviousWeights})", Patch(embedded, PreviousWeights)),
        new("referrer by name", "LINK-09 also when only the referrer's name (no candidate id) is a flagged candidate's", embedded, ReferrerByName: true),
        new("mainland ISPs", $"NET-08 for a CN/RU ISP graded high, {MainlandWeight}, the DPRK block critical", Patch(embedded, MainlandWeight), MainlandIsps: true),
    ];

    /// <summary>The whole corpus under the scenario. Referrals propagate along chains, so they are added until the
    /// flagged set stops changing.</summary>
    public IReadOnlyList<Scored> Apply(IReadOnlyList<Scored> rows)
    {
        var adjusted = rows.Select(s => MainlandIsps ? Counterfactuals.WithMainlandIspsGraded(s) : s)
            .Select(s => PreviousChecks ? Counterfactuals.WithPreviousChecks(s) : s).ToArray();
        var current = adjusted.Select(s => s.Under(Ruleset)).ToArray();
        for (var pass = 0; ReferrerByName && pass < 10; pass++)
        {
            var flagged = Counterfactuals.FlaggedByName(current);
            var next = adjusted.Select(s => Counterfactuals.WithReferrerByName(s, flagged).Under(Ruleset)).ToArray();
            var settled = next.Select(n => n.Band).SequenceEqual(current.Select(c => c.Band));
            current = next;
            if (settled) break;
        }
        return current;
    }

    /// <summary>A fairness pair under the scenario, referrals judged against the corpus's flagged candidates.</summary>
    public (Scored Original, Scored Swapped) Apply(FairnessCheck.Pair pair, IReadOnlyList<Scored> corpus)
    {
        var flagged = Counterfactuals.FlaggedByName(corpus);
        Scored One(Scored s)
        {
            if (MainlandIsps) s = Counterfactuals.WithMainlandIspsGraded(s);
            if (PreviousChecks) s = Counterfactuals.WithPreviousChecks(s);
            if (ReferrerByName) s = Counterfactuals.WithReferrerByName(s, flagged);
            return s.Under(Ruleset);
        }
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
