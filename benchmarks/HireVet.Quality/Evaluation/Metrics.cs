using HireVet.Application.Checks;
using HireVet.Quality.Corpus;

namespace HireVet.Quality.Evaluation;

/// <summary>The issue's targets and the breakdowns that explain them: bands for honest candidates and ring members,
/// recall, false-positive rates, per hard case and per tactic, and evidence on every flag.</summary>
public sealed class Metrics
{
    public const double RecallTarget = 0.95;
    public const double HonestHighTarget = 0.01;
    public const double HonestFlaggedTarget = 0.08;
    public const double HardCaseTarget = 0.10;
    public const double OriginGapTarget = 0.01;

    public required BandCounts Honest { get; init; }
    public required BandCounts Ring { get; init; }
    public required IReadOnlyList<Breakdown> Categories { get; init; }
    public required IReadOnlyList<Breakdown> Origins { get; init; }
    public required IReadOnlyList<Breakdown> TacticsReached { get; init; }
    public required IReadOnlyList<Breakdown> TacticsAlone { get; init; }
    public required IReadOnlyList<Scored> FlaggedWithoutEvidence { get; init; }
    public required int FlaggedTotal { get; init; }

    public double Recall => Ring.FlaggedShare;
    public double HonestHigh => Honest.HighShare;
    public double HonestFlagged => Honest.FlaggedShare;
    public double EvidenceShare => FlaggedTotal == 0 ? 1 : 1 - (double)FlaggedWithoutEvidence.Count / FlaggedTotal;

    public static Metrics Of(IReadOnlyList<Scored> rows)
    {
        var honest = rows.Where(r => !r.Label.IsRingMember).ToArray();
        var ring = rows.Where(r => r.Label.IsRingMember).ToArray();
        var flagged = rows.Where(r => r.Flagged).ToArray();
        return new Metrics
        {
            Honest = BandCounts.Of(honest),
            Ring = BandCounts.Of(ring),
            Categories = [.. honest.GroupBy(r => r.Label.Category).Select(g => Breakdown.Of(g.Key, [.. g], flaggedOnly: true))
                .OrderBy(b => Array.FindIndex(HardCases.Mix, m => m.Category == b.Name))],
            Origins = [.. honest.GroupBy(r => r.Label.Name.Origin).Select(g => Breakdown.Of(g.Key, [.. g], flaggedOnly: true))
                .OrderBy(b => Array.IndexOf(Names.Origins, b.Name))],
            TacticsReached = [.. Tactics.Pool.Append(Tactics.DprkIp).Select(t => Breakdown.Of(t, [.. ring.Where(r => r.Label.Tactics.Contains(t))], flaggedOnly: false))],
            TacticsAlone = [.. Tactics.Pool.Append(Tactics.DprkIp).Select(t => Breakdown.Of(t, [.. ring.Where(r => r.Label.Tactics.Count == 1 && r.Label.Tactics[0] == t)], flaggedOnly: false))],
            FlaggedWithoutEvidence = [.. flagged.Where(r => !r.Weighted.Any(s => s.Evidence.Count > 0))],
            FlaggedTotal = flagged.Length,
        };
    }

    public bool RecallMet => Recall >= RecallTarget;
    public bool HonestHighMet => HonestHigh <= HonestHighTarget;
    public bool HonestFlaggedMet => HonestFlagged <= HonestFlaggedTarget;
    public bool EvidenceMet => FlaggedWithoutEvidence.Count == 0;

    /// <summary>The honest hard case flagged most often, and how often.</summary>
    public Breakdown WorstHardCase => Categories.MaxBy(c => c.Bands.FlaggedShare)!;
    public bool HardCasesMet => WorstHardCase.Bands.FlaggedShare <= HardCaseTarget;

    /// <summary>The widest gap between the honest flag rates of two name origins.</summary>
    public double OriginGap => Origins.Max(o => o.Bands.FlaggedShare) - Origins.Min(o => o.Bands.FlaggedShare);
    public bool OriginGapMet => OriginGap <= OriginGapTarget;

    /// <summary>Tactics with members whose only tactic it is, caught in fewer than all of them.</summary>
    public IReadOnlyList<Breakdown> TacticsMissedAlone => [.. TacticsAlone.Where(t => t.Bands.Total > 0 && t.Bands.FlaggedShare < 1)];
}

public sealed record BandCounts(int Clear, int Review, int High)
{
    public int Total => Clear + Review + High;
    public double FlaggedShare => Total == 0 ? 0 : (double)(Review + High) / Total;
    public double HighShare => Total == 0 ? 0 : (double)High / Total;

    public static BandCounts Of(IReadOnlyCollection<Scored> rows) =>
        new(rows.Count(r => r.Band == "clear"), rows.Count(r => r.Band == "review"), rows.Count(r => r.Band == "high"));
}

/// <summary>One group's bands and the indicators that drove them: for honest groups, what flagged them (what to
/// tune down); for ring groups, what fired on the members that were missed (what did not add up).</summary>
public sealed record Breakdown(string Name, BandCounts Bands, IReadOnlyList<(string Indicator, int Count)> Drivers)
{
    public static Breakdown Of(string name, IReadOnlyList<Scored> rows, bool flaggedOnly)
    {
        var subject = flaggedOnly ? rows.Where(r => r.Flagged) : rows.Where(r => !r.Flagged);
        // Each candidate counts an indicator once, at its heaviest severity, as the ruleset does.
        var drivers = subject
            .SelectMany(r => r.Weighted.GroupBy(s => s.IndicatorId).Select(g => g.MaxBy(s => s.Severity == Severity.Critical ? int.MaxValue : s.Weight)!))
            .GroupBy(s => $"{s.IndicatorId} {s.Severity} ({(s.Severity == Severity.Critical ? "critical" : s.Weight.ToString())})")
            .Select(g => (g.Key, g.Count()))
            .OrderByDescending(x => x.Item2).ThenBy(x => x.Key)
            .Take(5)
            .ToArray();
        return new Breakdown(name, BandCounts.Of(rows), drivers);
    }
}
