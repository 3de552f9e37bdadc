using System.Globalization;
using HireVet.Application.Common.Formats;
using Microsoft.Extensions.Configuration;

namespace HireVet.Application.Checks.PostHire;

/// <summary>The "PostHire" settings an operator sets, read and checked once at start-up (a wrong value stops the
/// application with a message naming the key): the remote-control tools IT sanctions, which NET-05 and NET-15 excuse,
/// and the input latency expected of a worker at home in each country, which NET-16 compares with.</summary>
public sealed record PostHireSettings
{
    public const string Section = "PostHire";

    /// <summary>Expected 95th percentile of input-to-host latency, in ms, where no country has its own: keystrokes typed on
    /// the laptop itself arrive within tens of milliseconds, while a worker driving it from abroad shows more than 110 ms
    /// (catalogue NET-16, S51).</summary>
    public const int DefaultInputLatencyP95Ms = 110;

    public static PostHireSettings Default { get; } = new();

    /// <summary>The products of <see cref="RemoteControlSoftwareCheck.Products"/> that IT installs itself (keys such as
    /// "teamviewer"), so they are neither a NET-05 signal nor counted by NET-15. Empty by default: nothing is sanctioned.</summary>
    public IReadOnlySet<string> SanctionedRemoteTools { get; init; } = new HashSet<string>();

    /// <summary>Expected p95 input latency (ms) by claimed country of residence (ISO 3166-1 alpha-2); countries not listed
    /// expect <see cref="InputLatencyP95Default"/>.</summary>
    public IReadOnlyDictionary<string, int> InputLatencyP95ByCountry { get; init; } = new Dictionary<string, int>();

    public int InputLatencyP95Default { get; init; } = DefaultInputLatencyP95Ms;

    public int ExpectedInputLatencyP95(string country) =>
        InputLatencyP95ByCountry.TryGetValue(country.ToUpperInvariant(), out var ms) ? ms : InputLatencyP95Default;

    /// <summary>The product key a configured name stands for ("TeamViewer", "teamviewer_host" and "Team Viewer" are
    /// all TeamViewer), or null for a name that is not one of the remote-control products HireVet knows.</summary>
    public static string? RemoteToolProduct(string name) => ProductNames.Find(name, RemoteControlSoftwareCheck.Products)?.Product;

    /// <summary>Reads <c>PostHire:SanctionedRemoteTools</c> (a list, <c>PostHire__SanctionedRemoteTools__0=TeamViewer</c>, or
    /// one comma-separated value, <c>PostHire__SanctionedRemoteTools=TeamViewer,ScreenConnect</c>),
    /// <c>PostHire:InputLatencyP95Ms:Default</c> and <c>PostHire:InputLatencyP95Ms:&lt;country&gt;</c>.</summary>
    public static PostHireSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var tools = section.GetSection("SanctionedRemoteTools");
        var names = (tools.Value is { } single ? single.Split(',') : tools.GetChildren().Select(c => c.Value ?? ""))
            .Select(n => n.Trim()).Where(n => n.Length > 0).ToArray();
        var sanctioned = new HashSet<string>();
        foreach (var name in names)
            sanctioned.Add(RemoteToolProduct(name) ?? throw new InvalidOperationException(
                $"{Section}:SanctionedRemoteTools names '{name}', which is not a remote-control product HireVet knows; known: " +
                string.Join(", ", RemoteControlSoftwareCheck.Products.Select(p => p.Display)) + "."));

        var latency = section.GetSection("InputLatencyP95Ms");
        var byCountry = new Dictionary<string, int>();
        var fallback = DefaultInputLatencyP95Ms;
        foreach (var entry in latency.GetChildren())
        {
            var ms = Milliseconds(entry);
            if (string.Equals(entry.Key, "Default", StringComparison.OrdinalIgnoreCase)) fallback = ms;
            else if (CountryCodes.IsIsoAlpha2(entry.Key.ToUpperInvariant())) byCountry[entry.Key.ToUpperInvariant()] = ms;
            else throw new InvalidOperationException($"{entry.Path}: '{entry.Key}' is neither Default nor an ISO 3166-1 alpha-2 country code such as US.");
        }
        return new PostHireSettings { SanctionedRemoteTools = sanctioned, InputLatencyP95ByCountry = byCountry, InputLatencyP95Default = fallback };
    }

    private static int Milliseconds(IConfigurationSection entry)
    {
        if (int.TryParse(entry.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) && ms is >= 10 and <= 2000) return ms;
        throw new InvalidOperationException($"{entry.Path} must be a whole number of milliseconds from 10 to 2000 (it is '{entry.Value}').");
    }
}
