using System.Text.Json.Nodes;

namespace HireVet.Application.Checks;

/// <summary>A check: the dossier and its lookups in, zero or more signals out, or "not evaluated" with a reason when
/// the data it needs is missing. Checks are pure; the handler gathers what they look up beforehand.</summary>
public interface ICheck
{
    string Name { get; }
    string[] Indicators { get; }
    CheckResult Run(VettingContext context);
}

public sealed record CheckResult
{
    public IReadOnlyList<RawSignal> Signals { get; init; } = [];
    public string? NotEvaluatedReason { get; init; }
    /// <summary>Why a check that ran raised nothing, when that is worth a line in the trace (tools excused as sanctioned).</summary>
    public string? Note { get; init; }

    public static CheckResult NotEvaluated(string reason) => new() { NotEvaluatedReason = reason };
    public static CheckResult Fired(params RawSignal[] signals) => new() { Signals = signals };
    public static readonly CheckResult NotFired = new();
    public static CheckResult NotFiredBecause(string note) => new() { Note = note };
}

/// <summary>A signal before the ruleset has weighed it. <see cref="Place"/> is set by checks whose signal an ordinary
/// life event in that country can explain (a trip, a move, ties kept to a country lived in before); see
/// <see cref="Signal.Place"/>.</summary>
public sealed record RawSignal(string IndicatorId, string Severity, string Explanation, JsonObject Evidence)
{
    public string? Place { get; init; }
}
