namespace HireVet.Application.Dashboard;

/// <summary>The weeks the dashboard's time series cover: ISO weeks (Monday 00:00 UTC to Monday), the current one last.</summary>
public static class Weeks
{
    public const int Shown = 12;

    /// <summary>The Mondays starting the <paramref name="count"/> weeks that end with the one holding <paramref name="now"/>.</summary>
    public static DateOnly[] Ending(DateTimeOffset now, int count = Shown)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        return [.. Enumerable.Range(0, count).Select(i => monday.AddDays(-7 * (count - 1 - i)))];
    }

    /// <summary>The first instant of the first of those weeks: where the queries start reading.</summary>
    public static DateTimeOffset Start(DateOnly[] weeks) => new(weeks[0].ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>One series per key, a figure per week (zero where nothing was counted), ordered by total, largest first,
    /// then by key.</summary>
    public static IReadOnlyList<Series> Pivot(DateOnly[] weeks, IEnumerable<(DateOnly Week, string Key, long Count)> rows)
    {
        var index = weeks.Select((w, i) => (w, i)).ToDictionary(p => p.w, p => p.i);
        var series = new Dictionary<string, long[]>(StringComparer.Ordinal);
        foreach (var (week, key, count) in rows)
        {
            if (!index.TryGetValue(week, out var i)) continue;
            if (!series.TryGetValue(key, out var counts)) series[key] = counts = new long[weeks.Length];
            counts[i] += count;
        }
        return [.. series.Select(s => new Series(s.Key, s.Value)).OrderByDescending(s => s.Total).ThenBy(s => s.Key, StringComparer.Ordinal)];
    }

    public sealed record Series(string Key, long[] Counts)
    {
        public long Total => Counts.Sum();
    }
}
