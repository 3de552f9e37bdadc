namespace HireVet.Application.ReferenceData;

/// <summary>What a reviewer or auditor needs to know about one dataset: what it is, how old, how big, whose, and
/// whether it loaded. A dataset that is not loaded makes the checks that need it "not evaluated".</summary>
public sealed record DatasetInfo
{
    public string Name { get; init; } = "";
    public string Description { get; init; } = "";
    /// <summary>The date the data describes (publication or snapshot date), ISO 8601.</summary>
    public string? AsOf { get; init; }
    public long Rows { get; init; }
    public string Licence { get; init; } = "";
    public string Attribution { get; init; } = "";
    public string Source { get; init; } = "";
    /// <summary>loaded, missing or error.</summary>
    public string Status { get; init; } = "";
    public string? Error { get; init; }
    public DateTimeOffset? LoadedAt { get; init; }
    public double LoadMilliseconds { get; init; }

    public bool IsLoaded => Status == "loaded";
}
