using HireVet.Application.Checks;
using HireVet.Application.Vetting.Scoring;

namespace HireVet.Application.Vetting;

/// <summary>Runs every check on a context and scores the signals under a ruleset. Pure: no I/O.</summary>
public sealed class VettingEngine(IEnumerable<ICheck> checks, Ruleset ruleset)
{
    public static VettingEngine Default { get; } = new(CheckCatalogue.All, Ruleset.Embedded);

    public Ruleset Ruleset => ruleset;

    public sealed record Outcome(int Score, string Band, IReadOnlyList<Signal> Signals, IReadOnlyList<CheckTrace> Trace);

    public Outcome Assess(VettingContext context)
    {
        var signals = new List<Signal>();
        var trace = new List<CheckTrace>();
        foreach (var check in checks)
        {
            var result = check.Run(context);
            var weighed = result.Signals.Select(s => new Signal
            {
                IndicatorId = s.IndicatorId, Check = check.Name, Severity = s.Severity,
                Weight = ruleset.WeightOf(s.IndicatorId, s.Severity), Explanation = s.Explanation, Evidence = s.Evidence,
                Place = s.Place,
            }).ToArray();
            signals.AddRange(weighed);
            trace.Add(new CheckTrace
            {
                Check = check.Name,
                Indicators = check.Indicators,
                Outcome = result.NotEvaluatedReason is not null ? "not_evaluated" : weighed.Length > 0 ? "fired" : "not_fired",
                Reason = result.NotEvaluatedReason ?? result.Note,
                Signals = weighed.Length,
            });
        }
        var scored = ruleset.Evaluate(signals);
        trace.AddRange(scored.Combinations.Select(name => new CheckTrace
        {
            Check = $"combination: {name}", Indicators = ruleset.Combinations.First(c => c.Name == name).AllOf.Select(a => a.Split(':')[0]).ToArray(), Outcome = "fired",
        }));
        trace.AddRange(scored.LifeEvents.Select(e => new CheckTrace
        {
            Check = $"life event: {LifeEventWording.Describe(e, signals)}", Indicators = [.. e.Indicators], Outcome = "fired",
        }));
        return new Outcome(scored.Score, scored.Band, signals, trace);
    }
}
