namespace HireVet.Scale.Seeding;

/// <summary>Everything the application stores for one vetted candidate, computed with the application's own code.</summary>
public sealed record SeedRow
{
    public required long Id { get; init; }
    public required string ExternalId { get; init; }
    public required string LegalName { get; init; }
    public string? Source { get; init; }
    public string? Role { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset AssessedAt { get; init; }
    public required string DossierJson { get; init; }
    public required string SensitiveProtected { get; init; }
    public required string ContentHash { get; init; }
    public required IReadOnlyList<(string Kind, byte[] Hash, string Display)> Identifiers { get; init; }
    public long[]? MinHash { get; init; }
    public int Words { get; init; }
    public long[] Bands { get; init; } = [];
    public required int Score { get; init; }
    public required string Band { get; init; }
    public required string Status { get; init; }
    public required string SignalsJson { get; init; }
    public required string TraceJson { get; init; }
    /// <summary>The distinct indicator ids of the signals, sorted (candidates.indicator_ids).</summary>
    public string[] IndicatorIds { get; init; } = [];
}
