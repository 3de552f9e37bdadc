using HireVet.Application.Checks;
using HireVet.Application.Vetting.Scoring;
using HireVet.Quality.Corpus;
using HireVet.Quality.Running;

namespace HireVet.Quality.Evaluation;

/// <summary>One candidate's label next to what HireVet concluded.</summary>
public sealed record Scored(Labelled Label, string Band, int Score, IReadOnlyList<Signal> Signals, IReadOnlyList<CheckTrace> Trace)
{
    public bool Flagged => Band is "review" or "high";

    /// <summary>Signals that counted towards the score.</summary>
    public IEnumerable<Signal> Weighted => Signals.Where(s => s.Weight > 0 || s.Severity == Severity.Critical);

    public static IReadOnlyList<Scored> Join(IReadOnlyList<Labelled> corpus, IReadOnlyDictionary<string, Assessed> results) =>
    [
        .. corpus.Select(l => results.TryGetValue(l.ExternalId, out var a)
            ? new Scored(l, a.Band, a.Score, a.Signals, a.Trace)
            : throw new InvalidOperationException($"Candidate {l.ExternalId} has no assessment.")),
    ];

    /// <summary>The same signals weighed and banded under another ruleset: what a weight change would do, without
    /// vetting again (checks and links are unchanged; only the weights and thresholds move).</summary>
    public Scored Under(Ruleset ruleset)
    {
        var signals = Signals.Select(s => s with { Weight = ruleset.WeightOf(s.IndicatorId, s.Severity) }).ToArray();
        var (score, band) = ruleset.Score(signals);
        return this with { Band = band, Score = score, Signals = signals };
    }
}
