using System.Globalization;
using HireVet.Quality.Running;

namespace HireVet.Scale.Connectors;

/// <summary>Options of the connector benchmark (`./hirevet bench-connectors`); the defaults are issue 15's figures.</summary>
public sealed record ConnectorsOptions
{
    /// <summary>Sign-ins each identity provider's stub serves (Okta and Graph alike).</summary>
    public int Events { get; init; } = 500_000;
    /// <summary>Events per page: Okta's and Graph's maximum, which the clients ask for.</summary>
    public int PageSize { get; init; } = 1000;
    /// <summary>Seeded, vetted and hired candidates: their work e-mails are among the sign-ins' principals.</summary>
    public int Workers { get; init; } = 2000;
    /// <summary>Work e-mails the sign-ins come from: the workers' and, beyond them, people HireVet never vetted.</summary>
    public int Principals { get; init; } = 3000;
    /// <summary>Greenhouse new_candidate_application webhooks, one application each.</summary>
    public int Webhooks { get; init; } = 200;
    /// <summary>Webhooks a second, sent at a steady pace whatever the answers take.</summary>
    public double WebhookRate { get; init; } = 2;
    /// <summary>Share of the applicants who reuse a stored candidate's phone number (their vetting links to it).</summary>
    public double SharedShare { get; init; } = 0.05;
    /// <summary>Sign-ins per vendor pulled through a connector of their own before the measured pulls: the app has just
    /// started, and a server that pulls every minute has its code compiled (the cold pull is reported too).</summary>
    public int WarmupEvents { get; init; } = 30_000;
    /// <summary>Web hooks sent, and vetted, before the measured ones, for the same reason.</summary>
    public int WarmupWebhooks { get; init; } = 10;
    public int Seed { get; init; } = 20261207;
    public bool RunOkta { get; init; } = true;
    public bool RunEntra { get; init; } = true;
    public bool RunWebhooks { get; init; } = true;
    public string Output { get; init; } = Path.Combine(Paths.Results, "connectors.md");
    public string CommandLine { get; init; } = "./hirevet bench-connectors";

    public const string Usage =
        "usage: HireVet.Scale connectors [--events N] [--page-size N] [--workers N] [--principals N] [--webhooks N] [--webhook-rate N] " +
        "[--shared-share 0.05] [--warmup-events N] [--warmup-webhooks N] [--seed N] [--scenarios okta,entra,webhooks] [--out FILE]";

    public static ConnectorsOptions Parse(string[] args)
    {
        var options = new ConnectorsOptions { CommandLine = string.Join(' ', ["./hirevet bench-connectors", .. args]) };
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            var value = i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{name} needs a value. {Usage}");
            int Number() => int.Parse(value.Replace("_", ""), CultureInfo.InvariantCulture);
            double Real() => double.Parse(value, CultureInfo.InvariantCulture);
            options = name switch
            {
                "--events" => options with { Events = Number() },
                "--page-size" => options with { PageSize = Number() },
                "--workers" => options with { Workers = Number() },
                "--principals" => options with { Principals = Number() },
                "--webhooks" => options with { Webhooks = Number() },
                "--webhook-rate" => options with { WebhookRate = Real() },
                "--shared-share" => options with { SharedShare = Real() },
                "--warmup-events" => options with { WarmupEvents = Number() },
                "--warmup-webhooks" => options with { WarmupWebhooks = Number() },
                "--seed" => options with { Seed = Number() },
                "--scenarios" => Scenarios(options, value),
                "--out" => options with { Output = Path.GetFullPath(value) },
                _ => throw new ArgumentException($"Unknown option {name}. {Usage}"),
            };
        }
        if (options.Events < 1) throw new ArgumentException("--events must be at least 1.");
        if (options.PageSize is < 1 or > 1000) throw new ArgumentException("--page-size must be 1 to 1000 (the vendors' limit).");
        if (options.Workers < 1000) throw new ArgumentException("--workers must be at least 1000 (the seeder's smallest population).");
        if (options.Principals < options.Workers) throw new ArgumentException("--principals must be at least --workers.");
        if (options.WebhookRate <= 0) throw new ArgumentException("--webhook-rate must be positive.");
        return options;
    }

    private static ConnectorsOptions Scenarios(ConnectorsOptions options, string value)
    {
        var chosen = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet();
        var unknown = chosen.Except(["okta", "entra", "webhooks"]).ToArray();
        if (unknown.Length > 0 || chosen.Count == 0) throw new ArgumentException($"Unknown scenario {string.Join(", ", unknown)}. {Usage}");
        return options with { RunOkta = chosen.Contains("okta"), RunEntra = chosen.Contains("entra"), RunWebhooks = chosen.Contains("webhooks") };
    }
}
