using HireVet.Application.Checks;

namespace HireVet.Application.Vetting;

/// <summary>What changed between two assessments of the same person, for "compare with the previous assessment" when a
/// re-screening moved the band: score, band and ruleset, and the signals that appeared, disappeared or changed. A
/// signal is the same one when the same check raised it for the same indicator.</summary>
public static class AssessmentComparison
{
    public sealed record SignalChange(string IndicatorId, string Check, Signal? Before, Signal? After);

    public sealed record Result(
        int ScoreBefore, int ScoreAfter, string BandBefore, string BandAfter, string RulesetBefore, string RulesetAfter,
        IReadOnlyList<SignalChange> Added, IReadOnlyList<SignalChange> Removed, IReadOnlyList<SignalChange> Changed, int Unchanged)
    {
        public bool BandChanged => BandBefore != BandAfter;
        public bool RulesetChanged => RulesetBefore != RulesetAfter;
    }

    public sealed record Side(int Score, string Band, string RulesetVersion, IReadOnlyCollection<Signal> Signals);

    public static Result Compare(Side before, Side after)
    {
        static Dictionary<(string, string), Signal[]> Index(IEnumerable<Signal> signals) =>
            signals.GroupBy(s => (s.IndicatorId, s.Check)).ToDictionary(g => g.Key, g => g.ToArray());
        var old = Index(before.Signals);
        var now = Index(after.Signals);
        var added = new List<SignalChange>();
        var removed = new List<SignalChange>();
        var changed = new List<SignalChange>();
        var unchanged = 0;
        foreach (var key in old.Keys.Union(now.Keys).OrderBy(k => k.Item1, StringComparer.Ordinal).ThenBy(k => k.Item2, StringComparer.Ordinal))
        {
            var was = old.GetValueOrDefault(key);
            var @is = now.GetValueOrDefault(key);
            if (was is null) added.AddRange(@is!.Select(s => new SignalChange(key.Item1, key.Item2, null, s)));
            else if (@is is null) removed.AddRange(was.Select(s => new SignalChange(key.Item1, key.Item2, s, null)));
            else if (Same(was, @is)) unchanged += @is.Length;
            else changed.Add(new SignalChange(key.Item1, key.Item2, was.MaxBy(s => s.Weight), @is.MaxBy(s => s.Weight)));
        }
        return new Result(before.Score, after.Score, before.Band, after.Band, before.RulesetVersion, after.RulesetVersion,
            added, removed, changed, unchanged);
    }

    private static bool Same(Signal[] a, Signal[] b) =>
        a.Length == b.Length && a.Zip(b).All(p => p.First.Severity == p.Second.Severity && p.First.Weight == p.Second.Weight
                                                  && p.First.Explanation == p.Second.Explanation);
}
