namespace HireVet.Quality.Corpus;

/// <summary>Time zones a device near the claimed one may report (an hour or so apart, or the same offset under another
/// name), and the zones DPRK IT workers' devices are reported in (China, the DPRK, Russia's Far East, Laos).</summary>
public static class TimeZones
{
    private static readonly Dictionary<string, string[]> Near = new()
    {
        ["America/New_York"] = ["America/Chicago", "America/Detroit", "America/Toronto"],
        ["America/Detroit"] = ["America/New_York"],
        ["America/Chicago"] = ["America/New_York", "America/Denver"],
        ["America/Denver"] = ["America/Chicago", "America/Phoenix"],
        ["America/Phoenix"] = ["America/Denver", "America/Los_Angeles"],
        ["America/Los_Angeles"] = ["America/Phoenix", "America/Vancouver"],
        ["America/Toronto"] = ["America/New_York"],
        ["America/Vancouver"] = ["America/Los_Angeles"],
        ["America/Edmonton"] = ["America/Denver"],
        ["America/Mexico_City"] = ["America/Chicago"],
        ["America/Sao_Paulo"] = ["America/Argentina/Buenos_Aires"],
        ["Asia/Seoul"] = ["Asia/Tokyo"],
        ["Asia/Tokyo"] = ["Asia/Seoul"],
    };

    public static string Neighbour(Random rng, string zone) =>
        Near.TryGetValue(zone, out var near) ? near[rng.Next(near.Length)]
        : zone.StartsWith("Europe/", StringComparison.Ordinal) ? (zone == "Europe/London" ? "Europe/Dublin" : "Europe/Berlin")
        : zone;

    /// <summary>Where reporting places the workers' devices.</summary>
    public static readonly string[] Worker = ["Asia/Shanghai", "Asia/Shanghai", "Asia/Shanghai", "Asia/Pyongyang", "Asia/Vladivostok", "Asia/Vientiane"];
}
