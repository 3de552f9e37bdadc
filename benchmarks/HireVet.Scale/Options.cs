using System.Globalization;
using HireVet.Quality.Running;

namespace HireVet.Scale;

/// <summary>Command-line options; every one has a default, so `./hirevet bench-scale` alone runs the issue's targets.</summary>
public sealed record Options
{
    public int Candidates { get; init; } = 1_000_000;
    public int Seed { get; init; } = 20261121;
    public int Rate { get; init; } = 100;
    public int Seconds { get; init; } = 60;
    public int WarmupSeconds { get; init; } = 5;
    public int BulkCount { get; init; } = 20_000;
    /// <summary>Dossiers imported before the measured import and not counted: a web app started for the run has its
    /// import path compiled by the JIT then, as a server running for days has had it.</summary>
    public int BulkWarmup { get; init; } = 5_000;
    /// <summary>Dossiers per bulk request; the whole import in one request unless set.</summary>
    public int BulkRequestLines { get; init; } = 20_000;
    /// <summary>Share of load and bulk dossiers that reuse an identifier of a stored candidate.</summary>
    public double SharedShare { get; init; } = 0.05;
    public bool RunPost { get; init; } = true;
    public bool RunBulk { get; init; } = true;
    public bool RunAnalysis { get; init; } = true;
    /// <summary>The candidate page's time as a security reviewer opens it (issue 5).</summary>
    public bool RunPages { get; init; } = true;
    public int PageRequests { get; init; } = 500;
    /// <summary>How long to wait after the POST scenario for the background vetting backlog to drain.</summary>
    public int DrainSeconds { get; init; } = 180;
    /// <summary>A folder to keep the seeded cluster in between runs; a fresh throw-away cluster when unset.</summary>
    public string? KeepDb { get; init; }
    /// <summary>PostgreSQL syncs to disk (fsync, synchronous_commit, full_page_writes on) as a customer's database does;
    /// off by default, as the figures before issue 18 were taken.</summary>
    public bool Fsync { get; init; }
    public string Output { get; init; } = Path.Combine(Paths.Results, "scale.md");
    public string CommandLine { get; init; } = "./hirevet bench-scale";

    public const string Usage =
        "usage: HireVet.Scale [--candidates N] [--seed N] [--rate RPS] [--seconds N] [--warmup N] [--bulk N] [--bulk-request-lines N] [--bulk-warmup N] " +
        "[--shared-share 0.05] [--scenarios post,bulk,analysis,pages] [--page-requests N] [--drain-seconds N] [--keep-db DIR] [--fsync on|off] [--out FILE]";

    public static Options Parse(string[] args)
    {
        var options = new Options { CommandLine = string.Join(' ', ["./hirevet bench-scale", .. args]) };
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            var value = i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{name} needs a value. {Usage}");
            int Number() => int.Parse(value.Replace("_", ""), CultureInfo.InvariantCulture);
            options = name switch
            {
                "--candidates" => options with { Candidates = Number() },
                "--seed" => options with { Seed = Number() },
                "--rate" => options with { Rate = Number() },
                "--seconds" => options with { Seconds = Number() },
                "--warmup" => options with { WarmupSeconds = Number() },
                "--bulk" => options with { BulkCount = Number() },
                "--bulk-request-lines" => options with { BulkRequestLines = Number() },
                "--bulk-warmup" => options with { BulkWarmup = Number() },
                "--shared-share" => options with { SharedShare = double.Parse(value, CultureInfo.InvariantCulture) },
                "--scenarios" => Scenarios(options, value),
                "--page-requests" => options with { PageRequests = Number() },
                "--drain-seconds" => options with { DrainSeconds = Number() },
                "--keep-db" => options with { KeepDb = Path.GetFullPath(value) },
                "--fsync" => options with { Fsync = OnOff(name, value, Usage) },
                "--out" => options with { Output = Path.GetFullPath(value) },
                _ => throw new ArgumentException($"Unknown option {name}. {Usage}"),
            };
        }
        if (options.Candidates < 1000) throw new ArgumentException("--candidates must be at least 1000.");
        return options;
    }

    /// <summary>A switch given as on or off (<c>--fsync</c> of both benchmarks).</summary>
    public static bool OnOff(string name, string value, string usage) => value switch
    {
        "on" => true,
        "off" => false,
        _ => throw new ArgumentException($"{name} is on or off. {usage}"),
    };

    private static Options Scenarios(Options options, string value)
    {
        var chosen = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet();
        var unknown = chosen.Except(["post", "bulk", "analysis", "pages"]).ToArray();
        if (unknown.Length > 0) throw new ArgumentException($"Unknown scenario {string.Join(", ", unknown)}. {Usage}");
        return options with { RunPost = chosen.Contains("post"), RunBulk = chosen.Contains("bulk"), RunAnalysis = chosen.Contains("analysis"),
            RunPages = chosen.Contains("pages") };
    }
}
