using System.Text.Json.Nodes;

namespace HireVet.Application.Checks;

public static class Severity
{
    public const string Low = "low";
    public const string Medium = "medium";
    public const string High = "high";
    public const string Critical = "critical";
}

/// <summary>One red flag: which advisory indicator it comes from (an id of docs/indicators.md), how severe, how much it
/// weighs under the ruleset, one sentence a reviewer understands, and the evidence behind it.</summary>
public sealed record Signal
{
    public string IndicatorId { get; init; } = "";
    public string Check { get; init; } = "";
    public string Severity { get; init; } = "";
    public int Weight { get; init; }
    public string Explanation { get; init; } = "";
    public JsonObject Evidence { get; init; } = [];

    /// <summary>The country (ISO 3166-1 alpha-2) of the ordinary life event that could explain this signal on its own:
    /// a residential network abroad within one trip, a bank or phone of a country the candidate lived in, the clock of
    /// a country they were seen in. Null when ordinary life does not explain it (a China, Russia or DPRK network, a
    /// country seen over months that none of the candidate's claims mention). The ruleset's life events count placed
    /// signals of one country once (<see cref="Vetting.Scoring.Ruleset.LifeEvents"/>).</summary>
    public string? Place { get; init; }
}

/// <summary>The trace of one check in one assessment: fired, not_fired or not_evaluated (with the reason).</summary>
public sealed record CheckTrace
{
    public string Check { get; init; } = "";
    public string[] Indicators { get; init; } = [];
    public string Outcome { get; init; } = "";
    public string? Reason { get; init; }
    public int Signals { get; init; }
}
