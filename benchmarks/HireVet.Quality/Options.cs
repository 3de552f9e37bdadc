using System.Globalization;
using HireVet.Quality.Running;

namespace HireVet.Quality;

/// <summary>Command-line options; every one has a default, so `dotnet run` alone reproduces the committed report.</summary>
public sealed record Options
{
    public int Honest { get; init; } = 4000;
    /// <summary>About 5.4 members a ring on average: 55 rings give about 300 members.</summary>
    public int Rings { get; init; } = 80;
    public int Seed { get; init; } = 20261121;
    public int FairnessPairs { get; init; } = 200;
    /// <summary>The day the corpus is generated for ("now" for sign-ins, job dates, document expiry).</summary>
    public DateOnly Date { get; init; } = DateOnly.FromDateTime(DateTime.UtcNow);
    public string Output { get; init; } = Path.Combine(Paths.Results, "quality.md");
    /// <summary>Ruleset files to re-weigh the stored signals under (the embedded ruleset is always the baseline).</summary>
    public IReadOnlyList<string> WhatIf { get; init; } = [];
    /// <summary>Weight patches over the embedded ruleset, e.g. "NET-09=30,LINK-02:medium=30".</summary>
    public IReadOnlyList<string> WhatIfWeights { get; init; } = [];
    /// <summary>Where to write one JSON line per candidate (label, band, signals, dossier); none by default.</summary>
    public string? DumpTo { get; init; }

    public const string Usage =
        "usage: HireVet.Quality [--honest N] [--rings N] [--seed N] [--fairness N] [--date yyyy-MM-dd] [--out FILE] [--what-if RULESET.json]... [--what-if-weights NET-09=30,LINK-02:medium=30]... [--dump FILE.jsonl] | --sanctions-only [--explain NAME]";

    public static Options Parse(string[] args)
    {
        var options = new Options();
        var whatIf = new List<string>();
        var whatIfWeights = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            var value = i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{name} needs a value. {Usage}");
            int Number() => int.Parse(value, CultureInfo.InvariantCulture);
            options = name switch
            {
                "--honest" => options with { Honest = Number() },
                "--rings" => options with { Rings = Number() },
                "--seed" => options with { Seed = Number() },
                "--fairness" => options with { FairnessPairs = Number() },
                "--date" => options with { Date = DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture) },
                "--out" => options with { Output = Path.GetFullPath(value) },
                "--what-if" or "--what-if-weights" => options,
                "--dump" => options with { DumpTo = Path.GetFullPath(value) },
                _ => throw new ArgumentException($"Unknown option {name}. {Usage}"),
            };
            if (name == "--what-if") whatIf.Add(Path.GetFullPath(value));
            if (name == "--what-if-weights") whatIfWeights.Add(value);
        }
        return options with { WhatIf = whatIf, WhatIfWeights = whatIfWeights };
    }
}
