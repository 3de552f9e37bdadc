using HireVet.Application.Checks;
using HireVet.Application.Common.Formats;

namespace HireVet.Application.Vetting.Scoring;

/// <summary>How an assessment's score came about, as <see cref="Ruleset.Evaluate"/> computes it: each indicator counts
/// once, with its heaviest signal (a critical one counts the whole scale); each combination whose indicators all fired
/// adds its bonus; the total is capped at the scale's maximum. Explained from the stored signals and trace, with the
/// ruleset version the assessment names when HireVet still holds it (otherwise the combinations' bonuses are shown
/// as the part of the score the indicators do not explain).</summary>
public static class ScoreBreakdown
{
    public sealed record Part(string Label, string Kind, int Points, string Detail);

    public sealed record Result(IReadOnlyList<Part> Parts, int Total, int Score, int? MaxScore, bool RulesetKnown)
    {
        /// <summary>The life events that counted signals once, each with its words ("one trip to Germany").</summary>
        public IReadOnlyList<(Ruleset.LifeEvent Event, string Description)> LifeEvents { get; init; } = [];

        /// <summary>"counted once: explained by one trip to Germany" for a signal a life event absorbed, else null.</summary>
        public string? CountedOnce(Signal signal) => LifeEvents.FirstOrDefault(e => InEvent(signal, [e.Event])) is { Description: { } d }
            ? $"counted once: explained by {d}" : null;

        /// <summary>Points the cap took off: the parts add up to more than the scale allows.</summary>
        public int Capped => Math.Max(0, Total - Score);
    }

    public static Result Explain(int score, IReadOnlyCollection<Signal> signals, IReadOnlyCollection<CheckTrace> trace, Ruleset? ruleset)
    {
        var max = ruleset?.MaxScore;
        var events = ruleset?.Evaluate(signals).LifeEvents ?? [];
        var parts = signals
            .GroupBy(s => s.IndicatorId)
            .Select(g =>
            {
                var critical = g.Any(s => s.Severity == Severity.Critical);
                var alone = g.Where(s => !InEvent(s, events)).ToArray();
                var points = alone.Length == 0 ? 0 : Ruleset.PointsOf(alone, max ?? score);
                var count = g.Count();
                var detail = critical ? "a critical signal counts the whole scale"
                    : alone.Length == 0 ? $"counted once in {LifeEventWording.Describe(events.First(e => InEvent(g.First(), [e])), signals)}"
                    : points == 0 ? "weight 0 under this ruleset"
                    : count > 1 ? $"heaviest of {count} signals" : "one signal";
                return new Part(g.Key, "indicator", points, detail);
            })
            .OrderByDescending(p => p.Points).ThenBy(p => p.Label, StringComparer.Ordinal)
            .ToList();
        parts.AddRange(events.Select(e => new Part($"life event: {CountryNames.Of(e.Place)}", "life-event", e.Points,
            $"counted once: {string.Join(", ", e.Indicators)} explained by {LifeEventWording.Describe(e, signals)}")));

        var fired = trace.Where(t => t.Check.StartsWith("combination: ", StringComparison.Ordinal))
            .Select(t => t.Check["combination: ".Length..]).ToArray();
        if (ruleset is not null)
        {
            parts.AddRange(fired.Select(name => ruleset.Combinations.FirstOrDefault(c => c.Name == name) is { } c
                ? new Part(name, "combination", c.Bonus, $"all of {string.Join(", ", c.AllOf)} fired")
                : new Part(name, "combination", 0, "not in the ruleset HireVet holds under this version")));
        }
        else if (fired.Length > 0)
        {
            var explained = parts.Sum(p => p.Points);
            parts.Add(new Part(string.Join(", ", fired), "combination", Math.Max(0, score - explained),
                "bonus not known: the ruleset version is not stored; the part of the score the indicators do not explain"));
        }
        return new Result(parts, parts.Sum(p => p.Points), score, max, ruleset is not null)
        {
            LifeEvents = [.. events.Select(e => (e, LifeEventWording.Describe(e, signals)))],
        };
    }

    private static bool InEvent(Signal signal, IReadOnlyList<Ruleset.LifeEvent> events) =>
        signal.Place is { } place && events.Any(e => e.Place == place && e.Indicators.Contains(signal.IndicatorId));
}
