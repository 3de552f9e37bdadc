namespace HireVet.Application.Checks.Network;

/// <summary>Sightings of one person in time order, each placing them in a country: the consecutive pairs in different
/// countries closer in time than anyone travels between them, and the day with the most countries. NET-01 before the
/// hire (dossier IPs) and after it (sign-ins) both read travel this way.</summary>
public static class CountryTravel
{
    /// <summary>Different countries within this time cannot be one person travelling (no flight is that short
    /// between most countries; neighbours are the exception the threshold accepts).</summary>
    public static readonly TimeSpan ImpossibleWithin = TimeSpan.FromHours(1);

    public static readonly TimeSpan Day = TimeSpan.FromDays(1);

    public static (T First, T Second)[] Jumps<T>(IReadOnlyList<T> sorted, Func<T, DateTimeOffset> at, Func<T, string> country) =>
        [.. sorted.Zip(sorted.Skip(1)).Where(p => country(p.First) != country(p.Second) && at(p.Second) - at(p.First) < ImpossibleWithin)];

    /// <summary>The sightings within one day of some sighting that span the most countries (the earliest such day):
    /// where it starts, how many sightings it holds, and its countries in order of appearance.</summary>
    public static (int Start, int Count, string[] Countries) BusiestDay<T>(IReadOnlyList<T> sorted, Func<T, DateTimeOffset> at, Func<T, string> country)
    {
        var busiest = (Start: 0, Count: 0, Countries: Array.Empty<string>());
        for (var i = 0; i < sorted.Count; i++)
        {
            var day = sorted.Skip(i).TakeWhile(s => at(s) - at(sorted[i]) <= Day).ToArray();
            var countries = day.Select(country).Distinct().ToArray();
            if (countries.Length > busiest.Countries.Length) busiest = (i, day.Length, countries);
        }
        return busiest;
    }
}
