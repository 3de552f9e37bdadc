using System.Globalization;
using HireVet.Quality.Running;

namespace HireVet.Scale.Monitoring;

/// <summary>Options of the post-hire benchmark (`./hirevet bench-monitoring`); the defaults are issue 4's targets.</summary>
public sealed record MonitoringOptions
{
    public int Workers { get; init; } = 100_000;
    public long Events { get; init; } = 10_000_000;
    /// <summary>The events go out as this many uploads (files), each one time slice of the 90 days, time-ordered as an
    /// identity provider exports them.</summary>
    public int Files { get; init; } = 10;
    /// <summary>Share of workers who get new events before the incremental re-screen.</summary>
    public double ChangedShare { get; init; } = 0.01;
    /// <summary>Share of workers whose sign-ins come partly through VPN exits and a second country: the re-screen has
    /// something to find.</summary>
    public double SuspiciousShare { get; init; } = 0.005;
    public int Seed { get; init; } = 20261201;
    public bool RunIngest { get; init; } = true;
    /// <summary>Without ingest, a kept cluster's sign-ins from an earlier run are re-screened.</summary>
    public bool RunRescreen { get; init; } = true;
    public string? KeepDb { get; init; }
    /// <summary>PostgreSQL syncs to disk (fsync, synchronous_commit, full_page_writes on) as a customer's database does;
    /// off by default, as the figures before issue 18 were taken.</summary>
    public bool Fsync { get; init; }
    public string Output { get; init; } = Path.Combine(Paths.Results, "monitoring.md");
    public string CommandLine { get; init; } = "./hirevet bench-monitoring";

    public const string Usage =
        "usage: HireVet.Scale monitoring [--workers N] [--events N] [--files N] [--changed-share 0.01] [--suspicious-share 0.005] " +
        "[--seed N] [--scenarios ingest,rescreen] [--keep-db DIR] [--fsync on|off] [--out FILE]";

    public static MonitoringOptions Parse(string[] args)
    {
        var options = new MonitoringOptions { CommandLine = string.Join(' ', ["./hirevet bench-monitoring", .. args]) };
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            var value = i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{name} needs a value. {Usage}");
            long Number() => long.Parse(value.Replace("_", ""), CultureInfo.InvariantCulture);
            double Share() => double.Parse(value, CultureInfo.InvariantCulture);
            options = name switch
            {
                "--workers" => options with { Workers = checked((int)Number()) },
                "--events" => options with { Events = Number() },
                "--files" => options with { Files = checked((int)Number()) },
                "--changed-share" => options with { ChangedShare = Share() },
                "--suspicious-share" => options with { SuspiciousShare = Share() },
                "--seed" => options with { Seed = checked((int)Number()) },
                "--scenarios" => Scenarios(options, value),
                "--keep-db" => options with { KeepDb = Path.GetFullPath(value) },
                "--fsync" => options with { Fsync = Options.OnOff(name, value, Usage) },
                "--out" => options with { Output = Path.GetFullPath(value) },
                _ => throw new ArgumentException($"Unknown option {name}. {Usage}"),
            };
        }
        if (options.Workers < 1000) throw new ArgumentException("--workers must be at least 1000.");
        if (options.Events < options.Workers) throw new ArgumentException("--events must be at least --workers.");
        if (options.Files < 1) throw new ArgumentException("--files must be at least 1.");
        if (!options.RunIngest && options.KeepDb is null) throw new ArgumentException("--scenarios without ingest needs a --keep-db cluster with sign-ins.");
        return options;
    }

    private static MonitoringOptions Scenarios(MonitoringOptions options, string value)
    {
        var chosen = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet();
        var unknown = chosen.Except(["ingest", "rescreen"]).ToArray();
        if (unknown.Length > 0 || chosen.Count == 0) throw new ArgumentException($"Unknown scenario {string.Join(", ", unknown)}. {Usage}");
        return options with { RunIngest = chosen.Contains("ingest"), RunRescreen = chosen.Contains("rescreen") };
    }
}
