namespace HireVet.Application.ReferenceData;

/// <summary>Every reference dataset as loaded at one moment, with its description. Immutable: a reload builds a new
/// snapshot and swaps it in, so a vetting run sees one consistent set of data from start to end.</summary>
public sealed class ReferenceSnapshot(IReadOnlyList<DatasetInfo> datasets, IReadOnlyDictionary<string, object> values)
{
    public static readonly ReferenceSnapshot Empty = new([], new Dictionary<string, object>());

    public IReadOnlyList<DatasetInfo> Datasets { get; } = datasets;

    /// <summary>The loaded value of a dataset, or null when it is missing or failed to load.</summary>
    public T? Get<T>(string dataset) where T : class => values.TryGetValue(dataset, out var value) ? value as T : null;

    public DatasetInfo Info(string dataset) =>
        Datasets.FirstOrDefault(d => d.Name == dataset) ?? new DatasetInfo { Name = dataset, Status = "missing", Error = "Not loaded yet." };

    /// <summary>The sentence a check reports as its not-evaluated reason when a dataset it needs is unavailable.</summary>
    public string Unavailable(string dataset)
    {
        var info = Info(dataset);
        return $"Reference dataset '{dataset}' is {info.Status}{(info.Error is null ? "" : $": {info.Error}")}.";
    }
}
