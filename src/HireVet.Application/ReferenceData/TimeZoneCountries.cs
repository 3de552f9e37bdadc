namespace HireVet.Application.ReferenceData;

/// <summary>Which countries use each IANA time zone, from the tz database's zone1970.tab (zones shared by several
/// countries) and zone.tab (one row per country).</summary>
public sealed class TimeZoneCountries
{
    private readonly Dictionary<string, HashSet<string>> _countries;
    private readonly Dictionary<string, string> _home;

    private TimeZoneCountries(Dictionary<string, HashSet<string>> countries, Dictionary<string, string> home) =>
        (_countries, _home) = (countries, home);

    public int Count => _countries.Count;

    public bool IsUsedIn(string zone, string country) => _countries.TryGetValue(zone, out var c) && c.Contains(country);

    /// <summary>The one country a zone is named for (its zone.tab row: Europe/Berlin is Germany's, although
    /// zone1970.tab lists the Nordic countries that share its clock), or null for an unknown or backward name.</summary>
    public string? HomeOf(string zone) => _home.GetValueOrDefault(zone);

    /// <summary>Whether a clock on <paramref name="zone"/> shows the local time of some zone of the country at that
    /// moment. Compares UTC offsets, so the backward names browsers still report ("Asia/Calcutta", "Europe/Kiev"), a
    /// Windows id and a neighbour's zone with the same time all count: what a clock can tell is the time, not the name.</summary>
    public bool ShowsTimeOf(string zone, string country, DateTimeOffset at)
    {
        if (IsUsedIn(zone, country)) return true;
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zone, out var clock)) return false;
        var offset = clock.GetUtcOffset(at);
        return _countries.Where(z => z.Value.Contains(country))
            .Any(z => TimeZoneInfo.TryFindSystemTimeZoneById(z.Key, out var local) && local.GetUtcOffset(at) == offset);
    }

    /// <summary>Parses the rows of zone1970.tab and zone.tab (tab-separated; <c>#</c> comments).</summary>
    public static TimeZoneCountries Parse(IEnumerable<string> lines)
    {
        var countries = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var home = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var columns = line.Split('\t');
            if (columns.Length < 3) throw new FormatException($"Not a zone table row: {line}");
            if (!countries.TryGetValue(columns[2], out var set)) countries[columns[2]] = set = [];
            var codes = columns[0].Split(',');
            set.UnionWith(codes);
            if (codes.Length == 1) home.TryAdd(columns[2], codes[0]);
        }
        return new TimeZoneCountries(countries, home);
    }
}
