using System.Security.Cryptography;
using System.Text.Json;

namespace HireVet.Application.Vetting;

/// <summary>The scoring rules as versioned data: a weight per indicator (or per indicator and severity, where one
/// indicator covers evidence of different strength) and the band thresholds. Each indicator counts once (its heaviest
/// signal); HR-only indicators never score. Every assessment records the version and the SHA-256 of the file.</summary>
public sealed class Ruleset
{
    public string Version { get; }
    public string Hash { get; }
    public int ReviewThreshold { get; }
    public int HighThreshold { get; }
    public int MaxScore { get; }
    private readonly Dictionary<string, Dictionary<string, int>> _weights;
    private readonly HashSet<string> _hrOnly;

    private Ruleset(string json)
    {
        Hash = Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(json)));
        var file = JsonSerializer.Deserialize<File>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidOperationException("The ruleset file is empty.");
        Version = file.Version;
        ReviewThreshold = file.Bands["review"];
        HighThreshold = file.Bands["high"];
        MaxScore = file.MaxScore;
        _weights = file.Indicators.ToDictionary(i => i.Key, i => i.Value.ValueKind == JsonValueKind.Number
            ? new Dictionary<string, int> { [AnySeverity] = i.Value.GetInt32() }
            : i.Value.Deserialize<Dictionary<string, int>>()!);
        _hrOnly = [.. file.HrOnly];
        var scoredHrOnly = _weights.Keys.Where(_hrOnly.Contains).ToArray();
        if (scoredHrOnly.Length > 0)
            throw new InvalidOperationException($"HR-only indicators may not carry a weight: {string.Join(", ", scoredHrOnly)}.");
    }

    public static Ruleset Embedded { get; } = Load();

    private static Ruleset Load()
    {
        using var stream = typeof(Ruleset).Assembly.GetManifestResourceStream("HireVet.ruleset.json")
            ?? throw new InvalidOperationException("The embedded ruleset is missing.");
        using var reader = new StreamReader(stream);
        return new Ruleset(reader.ReadToEnd());
    }

    public static Ruleset Parse(string json) => new(json);

    private const string AnySeverity = "*";

    public int WeightOf(string indicatorId, string severity)
    {
        if (_hrOnly.Contains(indicatorId) || !_weights.TryGetValue(indicatorId, out var bySeverity)) return 0;
        return bySeverity.TryGetValue(severity, out var weight) ? weight : bySeverity.GetValueOrDefault(AnySeverity);
    }

    /// <summary>Severity "critical" (e.g. a sanctions match) goes straight to the top of the scale.</summary>
    public (int Score, string Band) Score(IEnumerable<Signal> signals)
    {
        var perIndicator = signals
            .GroupBy(s => s.IndicatorId)
            .Select(g => g.Any(s => s.Severity == Severity.Critical) ? MaxScore : g.Max(s => s.Weight));
        var score = Math.Min(MaxScore, perIndicator.Sum());
        var band = score >= HighThreshold ? "high" : score >= ReviewThreshold ? "review" : "clear";
        return (score, band);
    }

    private sealed record File
    {
        public string Version { get; init; } = "";
        public Dictionary<string, int> Bands { get; init; } = [];
        public int MaxScore { get; init; } = 100;
        public Dictionary<string, JsonElement> Indicators { get; init; } = [];
        public string[] HrOnly { get; init; } = [];
    }
}
