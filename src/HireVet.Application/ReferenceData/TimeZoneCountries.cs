namespace HireVet.Application.ReferenceData;

/// <summary>Which countries use each IANA time zone, from the tz database's zone1970.tab (zones shared by several
/// countries) and zone.tab (one row per country).</summary>
public sealed class TimeZoneCountries
{
    private readonly Dictionary<string, HashSet<string>> _countries;

    private TimeZoneCountries(Dictionary<string, HashSet<string>> countries) => _countries = countries;

    public int Count => _countries.Count;

    public bool IsUsedIn(string zone, string country) => _countries.TryGetValue(zone, out var c) && c.Contains(country);

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
        foreach (var line in lines)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var columns = line.Split('\t');
            if (columns.Length < 3) throw new FormatException($"Not a zone table row: {line}");
            if (!countries.TryGetValue(columns[2], out var set)) countries[columns[2]] = set = [];
            set.UnionWith(columns[0].Split(','));
        }
        return new TimeZoneCountries(countries);
    }
}
