using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using FluentValidation;
using FluentValidation.Results;
using HireVet.Application.Checks;
using Severity = HireVet.Application.Checks.Severity;

namespace HireVet.Application.Vetting.Scoring;

/// <summary>The scoring rules as versioned, hashed data: a weight per indicator (or per indicator and severity, where
/// one indicator covers evidence of different strength), combinations of indicators that escalate together, and the
/// band thresholds. Each indicator counts once (its heaviest signal). Every assessment records the version and the
/// SHA-256 of the ruleset's text.
/// The loader is the fairness guardrail: it refuses any rule on a protected attribute (nationality, ethnicity,
/// language, country of education, appearance...), refuses weights for the catalogue's HR-only indicators whatever
/// the file says, and accepts only the catalogue's indicator ids.</summary>
public sealed partial class Ruleset
{
    /// <summary>HR-only in docs/indicators.md: they may prompt a human about an inconsistency, never feed a score.</summary>
    public static readonly IReadOnlySet<string> CatalogueHrOnly = new HashSet<string> { "ID-10", "ID-16", "INT-11" };

    // Word stems, so plurals and derived forms ("languages", "nationalities", "ethnicities") are caught too.
    private static readonly string[] ProtectedAttributes =
    [
        "nationalit", "national origin", "citizenship", "ethnic", "race", "racial", "religio", "language", "accent",
        "appearance", "photo", "face", "skin", "name origin", "country of education", "education country", "birthplace", "place of birth",
    ];

    private static readonly string[] Severities = [Severity.Low, Severity.Medium, Severity.High, Severity.Critical];

    public string Version { get; }
    public string Hash { get; }
    public string Text { get; }
    public string? Description { get; }
    public int ReviewThreshold { get; }
    public int HighThreshold { get; }
    public int MaxScore { get; }
    public IReadOnlyList<Combination> Combinations { get; }
    public LifeEventRules? LifeEvents { get; }
    private readonly Dictionary<string, Dictionary<string, int>> _weights;

    /// <summary>Indicators that escalate together. An entry of AllOf is an indicator id, optionally with the least
    /// severity that counts: "PAY-04:high" is a third-party payee, not a mistyped routing number (PAY-04 medium).</summary>
    public sealed record Combination
    {
        public string Name { get; init; } = "";
        public string[] AllOf { get; init; } = [];
        public int Bonus { get; init; }

        public bool FiredBy(IReadOnlyCollection<Signal> signals) => AllOf.All(entry =>
        {
            var (id, least) = entry.Split(':') is [var i, var s] ? (i, Array.IndexOf(Severities, s)) : (entry, 0);
            return signals.Any(signal => signal.IndicatorId == id && Array.IndexOf(Severities, signal.Severity) >= least);
        });
    }

    /// <summary>One ordinary life event is one fact, not several signals. Signals that such an event in one country
    /// explains on its own (<see cref="Explains"/>, each entry an indicator with its exact severity, or any severity
    /// without one; only signals the check placed in a country, <see cref="Signal.Place"/>) form one group per
    /// country that counts as its heaviest member, unless a signal ordinary life does not explain is present: one of
    /// <see cref="CorroboratedBy"/> (an indicator, optionally with its least severity as in combinations) that is not
    /// itself placed and weighs something. Grouping never raises a score above what the signals add up to alone.</summary>
    public sealed record LifeEventRules
    {
        public string? Description { get; init; }
        public string[] Explains { get; init; } = [];
        public string[] CorroboratedBy { get; init; } = [];

        public bool Explained(Signal signal) => signal.Place is not null && Explains.Any(entry =>
            entry.Split(':') is [var id, var severity] ? signal.IndicatorId == id && signal.Severity == severity : signal.IndicatorId == entry);

        public bool Corroborates(Signal signal) => signal.Place is null && signal.Weight > 0 && CorroboratedBy.Any(entry =>
        {
            var (id, least) = entry.Split(':') is [var i, var s] ? (i, Array.IndexOf(Severities, s)) : (entry, 0);
            return signal.IndicatorId == id && Array.IndexOf(Severities, signal.Severity) >= least;
        });
    }

    /// <summary>Signals of one country counted once: the country, the indicators explained, and the points the group
    /// adds (its heaviest member's weight).</summary>
    public sealed record LifeEvent(string Place, IReadOnlyList<string> Indicators, int Points);

    public sealed record Result(int Score, string Band, IReadOnlyList<string> Combinations)
    {
        public IReadOnlyList<LifeEvent> LifeEvents { get; init; } = [];

        /// <summary>Why the life events were not applied: the corroborating signals' indicator ids (empty otherwise).</summary>
        public IReadOnlyList<string> CorroboratedBy { get; init; } = [];
    }

    private Ruleset(string text, File file)
    {
        Text = text;
        Hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        Version = file.Version;
        Description = file.Description;
        ReviewThreshold = file.Bands["review"];
        HighThreshold = file.Bands["high"];
        MaxScore = file.MaxScore;
        Combinations = file.Combinations;
        LifeEvents = file.LifeEvents;
        _weights = file.Indicators.ToDictionary(i => i.Key, i => i.Value.ValueKind == JsonValueKind.Number
            ? new Dictionary<string, int> { [AnySeverity] = i.Value.GetInt32() }
            : i.Value.Deserialize<Dictionary<string, int>>()!);
    }

    // Lazy: a static initialiser here would run before the static fields declared below it (the JSON options).
    private static readonly Lazy<Ruleset> ShippedRuleset = new(() => Parse(ReadEmbedded()));

    /// <summary>The ruleset shipped with this build (src/HireVet.Application/Vetting/Scoring/ruleset.json).</summary>
    public static Ruleset Embedded => ShippedRuleset.Value;

    private static string ReadEmbedded()
    {
        using var stream = typeof(Ruleset).Assembly.GetManifestResourceStream("HireVet.ruleset.json")
            ?? throw new InvalidOperationException("The embedded ruleset is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Parses and validates a ruleset; a bad one throws a ValidationException naming what is wrong.</summary>
    public static Ruleset Parse(string text)
    {
        var failures = new List<ValidationFailure>();
        File? file = null;
        try
        {
            using var document = JsonDocument.Parse(text);
            GuardProtectedAttributes(document.RootElement, "", failures);
            file = document.RootElement.Deserialize<File>(FileJson);
        }
        catch (JsonException e)
        {
            failures.Add(new ValidationFailure(e.Path is { Length: > 1 } p ? p.TrimStart('$', '.') : "ruleset", $"The ruleset is not valid: {e.Message.Split(" Path:")[0]}"));
        }
        if (file is not null) Validate(file, failures);
        if (failures.Count > 0) throw new ValidationException(failures);
        return new Ruleset(text, file!);
    }

    /// <summary>The key of a weight that applies whatever the signal's severity (an indicator weighed by one number).</summary>
    public const string AnySeverity = "*";

    /// <summary>The weights as the file gives them, per indicator: by severity, or under <see cref="AnySeverity"/>.
    /// For reading (the admin page); scoring goes through <see cref="WeightOf"/>, which also ignores HR-only ids.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Weights =>
        _weights.ToDictionary(w => w.Key, w => (IReadOnlyDictionary<string, int>)w.Value);

    /// <summary>The indicator ids this ruleset weighs, sorted.</summary>
    public IReadOnlyList<string> Indicators => [.. _weights.Keys.Order(StringComparer.Ordinal)];

    public int WeightOf(string indicatorId, string severity)
    {
        if (CatalogueHrOnly.Contains(indicatorId) || !_weights.TryGetValue(indicatorId, out var bySeverity)) return 0;
        return bySeverity.TryGetValue(severity, out var weight) ? weight : bySeverity.GetValueOrDefault(AnySeverity);
    }

    /// <summary>Score and band of a set of signals (weights as stored in them). A critical signal goes straight to the
    /// top of the scale; a combination whose indicators all fired adds its bonus; signals one ordinary life event
    /// explains count once (<see cref="LifeEventRules"/>).</summary>
    public Result Evaluate(IEnumerable<Signal> signals)
    {
        var list = signals.ToArray();
        var combinations = Combinations.Where(c => c.FiredBy(list)).ToArray();
        var bonus = combinations.Sum(c => c.Bonus);
        var separate = SumPerIndicator(list);
        var (grouped, events, corroborating) = Group(list);
        var score = Math.Min(MaxScore, Math.Min(separate, grouped) + bonus);
        if (grouped >= separate) events = [];
        var band = score >= HighThreshold ? "high" : score >= ReviewThreshold ? "review" : "clear";
        return new Result(score, band, [.. combinations.Select(c => c.Name)]) { LifeEvents = events, CorroboratedBy = corroborating };
    }

    private int SumPerIndicator(IEnumerable<Signal> signals) =>
        signals.GroupBy(s => s.IndicatorId).Sum(g => PointsOf(g, MaxScore));

    /// <summary>The points with life events counted once, the events, and what corroborated them instead.</summary>
    private (int Points, IReadOnlyList<LifeEvent> Events, IReadOnlyList<string> Corroborating) Group(Signal[] signals)
    {
        if (LifeEvents is not { } rules) return (int.MaxValue, [], []);
        var explained = signals.Where(rules.Explained).ToArray();
        if (explained.Length == 0) return (int.MaxValue, [], []);
        var corroborating = signals.Where(rules.Corroborates).Select(s => s.IndicatorId).Distinct().Order(StringComparer.Ordinal).ToArray();
        if (corroborating.Length > 0) return (int.MaxValue, [], corroborating);

        var events = explained.GroupBy(s => s.Place!)
            .Select(g => new LifeEvent(g.Key, [.. g.Select(s => s.IndicatorId).Distinct().Order(StringComparer.Ordinal)], g.Max(s => s.Weight)))
            .Where(e => e.Indicators.Count > 1 || explained.Count(s => s.Place == e.Place) > 1)
            .OrderBy(e => e.Place, StringComparer.Ordinal)
            .ToArray();
        var inEvents = explained.Where(s => events.Any(e => e.Place == s.Place)).ToHashSet();
        var rest = SumPerIndicator(signals.Where(s => !inEvents.Contains(s)));
        return (rest + events.Sum(e => e.Points), events, []);
    }

    /// <summary>What one indicator's signals add to a score: the heaviest signal's weight, or the whole scale for a
    /// critical one (each indicator counts once however many signals it has).</summary>
    public static int PointsOf(IEnumerable<Signal> indicatorSignals, int maxScore)
    {
        var list = indicatorSignals as IReadOnlyCollection<Signal> ?? indicatorSignals.ToArray();
        return list.Any(s => s.Severity == Severity.Critical) ? maxScore : list.Max(s => s.Weight);
    }

    /// <summary>The same signals weighed under this ruleset (for shadow runs of stored assessments).</summary>
    public Result Rescore(IEnumerable<Signal> signals) =>
        Evaluate(signals.Select(s => s with { Weight = WeightOf(s.IndicatorId, s.Severity) }));

    public (int Score, string Band) Score(IEnumerable<Signal> signals)
    {
        var result = Evaluate(signals);
        return (result.Score, result.Band);
    }

    private static void GuardProtectedAttributes(JsonElement element, string path, List<ValidationFailure> failures)
    {
        if (element.ValueKind == JsonValueKind.Object)
            foreach (var property in element.EnumerateObject())
            {
                var at = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
                if (Protected(property.Name) is { } attribute)
                    failures.Add(new ValidationFailure(at, $"A ruleset may not use {attribute}: HireVet flags misrepresentation, never who someone is."));
                if (property.Name != "description") GuardProtectedAttributes(property.Value, at, failures);
            }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in element.EnumerateArray()) GuardProtectedAttributes(item, $"{path}[{i++}]", failures);
        }
        else if (element.ValueKind == JsonValueKind.String && Protected(element.GetString()!) is { } attribute)
            failures.Add(new ValidationFailure(path, $"A ruleset may not use {attribute}: HireVet flags misrepresentation, never who someone is."));
    }

    private static string? Protected(string text)
    {
        var words = Regex.Replace(text, "([a-z])([A-Z])", "$1 $2").Replace('_', ' ').Replace('-', ' ').ToLowerInvariant();
        return ProtectedAttributes.FirstOrDefault(a => Regex.IsMatch(words, a is "race" or "face" ? $@"\b{a}s?\b" : $@"\b{Regex.Escape(a)}"));
    }

    private static void Validate(File file, List<ValidationFailure> failures)
    {
        if (string.IsNullOrWhiteSpace(file.Version) || file.Version.Length > 50)
            failures.Add(new("version", "'version' is required (at most 50 characters)."));
        if (!file.Bands.TryGetValue("review", out var review) || !file.Bands.TryGetValue("high", out var high) || review <= 0 || high <= review || high > file.MaxScore)
            failures.Add(new("bands", "'bands' needs review and high thresholds with 0 < review < high ≤ maxScore."));
        foreach (var (id, weight) in file.Indicators)
        {
            if (!IndicatorId().IsMatch(id)) failures.Add(new($"indicators.{id}", $"'{id}' is not an indicator id of the catalogue (e.g. PAY-04)."));
            if (CatalogueHrOnly.Contains(id)) failures.Add(new($"indicators.{id}", $"{id} is HR-only: it may prompt a human, never feed a score."));
            var severities = weight.ValueKind == JsonValueKind.Number ? [] : weight.ValueKind == JsonValueKind.Object
                ? weight.EnumerateObject().Select(p => p.Name).ToArray() : null;
            if (severities is null || severities.Any(s => !Severities.Contains(s)))
                failures.Add(new($"indicators.{id}", "A weight is a number, or an object of numbers by severity (low, medium, high, critical)."));
        }
        if (file.LifeEvents is { } lifeEvents) ValidateLifeEvents(lifeEvents, failures);
        foreach (var (c, i) in file.Combinations.Select((c, i) => (c, i)))
        {
            if (string.IsNullOrWhiteSpace(c.Name) || c.AllOf.Length < 2 || c.Bonus <= 0)
                failures.Add(new($"combinations[{i}]", "A combination needs a name, at least two indicators in 'allOf' and a positive 'bonus'."));
            foreach (var entry in c.AllOf)
            {
                var parts = entry.Split(':');
                if (!IndicatorId().IsMatch(parts[0]) || CatalogueHrOnly.Contains(parts[0]) || parts.Length > 2 || (parts.Length == 2 && !Severities.Contains(parts[1])))
                    failures.Add(new($"combinations[{i}].allOf", $"'{entry}' is not a scoring indicator of the catalogue (optionally with ':low', ':medium', ':high' or ':critical')."));
            }
        }
    }

    private static void ValidateLifeEvents(LifeEventRules rules, List<ValidationFailure> failures)
    {
        if (rules.Explains.Length == 0)
            failures.Add(new("lifeEvents.explains", "'lifeEvents' needs the indicators a life event explains in 'explains'."));
        foreach (var (list, name) in new[] { (rules.Explains, "explains"), (rules.CorroboratedBy, "corroboratedBy") })
            foreach (var entry in list)
            {
                var parts = entry.Split(':');
                if (!IndicatorId().IsMatch(parts[0]) || CatalogueHrOnly.Contains(parts[0]) || parts.Length > 2 || (parts.Length == 2 && !Severities.Contains(parts[1])))
                    failures.Add(new($"lifeEvents.{name}", $"'{entry}' is not a scoring indicator of the catalogue (optionally with ':low', ':medium', ':high' or ':critical')."));
            }
    }

    /// <summary>The shape of the catalogue's indicator ids (PAY-04).</summary>
    [GeneratedRegex(@"^(ID|NET|PAY|SHIP|INT|LINK)-\d{2}$")] public static partial Regex IndicatorId();

    private static readonly JsonSerializerOptions FileJson = new(JsonSerializerDefaults.Web) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };

    private sealed record File
    {
        public string Version { get; init; } = "";
        public string? Description { get; init; }
        public Dictionary<string, int> Bands { get; init; } = [];
        public int MaxScore { get; init; } = 100;
        public Dictionary<string, JsonElement> Indicators { get; init; } = [];
        public Combination[] Combinations { get; init; } = [];
        public LifeEventRules? LifeEvents { get; init; }
        /// <summary>Informational: the catalogue's HR-only ids are enforced by the code, whatever this says.</summary>
        public string[] HrOnly { get; init; } = [];
    }
}
