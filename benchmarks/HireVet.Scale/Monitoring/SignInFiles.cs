using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using HireVet.Quality.Corpus;

namespace HireVet.Scale.Monitoring;

/// <summary>Writes the workforce's sign-ins in HireVet's generic NDJSON format, one file per time slice of the 90-day
/// window, each time-ordered across all workers as an identity provider's export is. Every worker signs in on working
/// days in their claimed city's office hours, from a home address of a residential ISP of their country (sometimes a
/// second one: a phone); a few suspicious workers sign in through VPN exits and from a second country as well.</summary>
public sealed class SignInFiles
{
    private static readonly string[] UserAgents =
    [
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
        "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
    ];

    private readonly Profile[] _profiles;
    private readonly int _seed;

    public int Suspicious { get; }

    private sealed record Profile(Workforce.Member Member, TimeZoneInfo Zone, string HomeIp, string PhoneIp, string UserAgent,
        string? VpnIp, Country? Elsewhere, string? ElsewhereIp);

    public SignInFiles(IReadOnlyList<Workforce.Member> workforce, IpPools ips, double suspiciousShare, int seed)
    {
        _seed = seed;
        var rng = new Random(seed);
        var zones = new Dictionary<string, TimeZoneInfo>();
        _profiles = [.. workforce.Select(m =>
        {
            var suspicious = rng.NextDouble() < suspiciousShare;
            var elsewhere = suspicious ? Countries.All.Where(c => c != m.Country).ElementAt(rng.Next(Countries.All.Length - 1)) : null;
            var zone = zones.TryGetValue(m.City.TimeZone, out var z) ? z : zones[m.City.TimeZone] = TimeZoneInfo.FindSystemTimeZoneById(m.City.TimeZone);
            return new Profile(m, zone, ips.Residential(rng, m.Country), ips.Residential(rng, m.Country), UserAgents[rng.Next(UserAgents.Length)],
                suspicious ? ips.Vpn(rng) : null, elsewhere, elsewhere is null ? null : ips.Residential(rng, elsewhere));
        })];
        Suspicious = _profiles.Count(p => p.VpnIp is not null);
    }

    private readonly record struct SignIn(DateTime At, int Worker, int Number, byte Kind);

    /// <summary>Writes <paramref name="perWorker"/> sign-ins for each of <paramref name="workers"/> between two times.</summary>
    public long Write(string path, IReadOnlyList<int> workers, int perWorker, DateTime from, DateTime to, string tag)
    {
        var events = new List<SignIn>(workers.Count * perWorker);
        foreach (var w in workers)
        {
            var rng = new Random(HashCode.Combine(_seed, w, tag));
            var profile = _profiles[w];
            for (var n = 0; n < perWorker; n++)
                events.Add(new SignIn(WorkingTime(rng, profile.Zone, from, to), w, n, Kind(rng, profile)));
        }
        events.Sort((a, b) => a.At.CompareTo(b.At));

        using var file = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        var line = new StringBuilder(512);
        foreach (var e in events)
        {
            var p = _profiles[e.Worker];
            var (ip, country) = e.Kind switch
            {
                1 => (p.PhoneIp, p.Member.Country.Code),
                2 => (p.VpnIp!, p.Member.Country.Code),
                3 => (p.ElsewhereIp!, p.Elsewhere!.Code),
                _ => (p.HomeIp, p.Member.Country.Code),
            };
            var city = e.Kind == 3 ? p.Elsewhere!.Cities[0].Name : p.Member.City.Name;
            var id = EventId(tag, p.Member.WorkerId, e.Number);
            line.Clear();
            line.Append("{\"eventId\":\"").Append(id)
                .Append("\",\"occurredAt\":\"").Append(e.At.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture))
                .Append("\",\"user\":\"").Append(p.Member.WorkEmail)
                .Append("\",\"ip\":\"").Append(ip)
                .Append("\",\"country\":\"").Append(country)
                .Append("\",\"city\":\"").Append(city)
                .Append("\",\"userAgent\":\"").Append(p.UserAgent)
                .Append("\",\"deviceId\":\"laptop-").Append(p.Member.WorkerId)
                .Append("\",\"outcome\":\"").Append(e.Number % 37 == 0 ? "failure" : "success")
                .Append("\",\"sessionId\":\"").Append(id)
                .Append("\",\"sessionEndedAt\":\"").Append(e.At.AddHours(8.5).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture))
                .Append("\"}");
            file.WriteLine(line);
        }
        return events.Count;
    }

    /// <summary>A UUID like Okta's and Entra's event ids, the same on every run for the same event.</summary>
    private static string EventId(string tag, long worker, int number) =>
        new Guid(MD5.HashData(Encoding.UTF8.GetBytes($"{tag}/{worker}/{number}"))).ToString();

    /// <summary>0 home, 1 phone, 2 VPN exit, 3 the second country.</summary>
    private static byte Kind(Random rng, Profile p)
    {
        var draw = rng.NextDouble();
        if (p.VpnIp is not null && draw < 0.3) return 2;
        if (p.ElsewhereIp is not null && draw < 0.45) return 3;
        return draw > 0.9 ? (byte)1 : (byte)0;
    }

    /// <summary>A moment on a working day between 08:00 and 18:00 in the worker's zone, within [from, to).</summary>
    private static DateTime WorkingTime(Random rng, TimeZoneInfo zone, DateTime from, DateTime to)
    {
        for (var attempt = 0; ; attempt++)
        {
            var at = from.AddSeconds(rng.NextDouble() * (to - from).TotalSeconds);
            var local = TimeZoneInfo.ConvertTimeFromUtc(at, zone);
            if (attempt < 20 && (local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)) continue;
            var day = local.Date.AddHours(8).AddSeconds(rng.NextDouble() * 10 * 3600);
            var utc = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(day, DateTimeKind.Unspecified), zone);
            if (utc >= from && utc < to || attempt >= 20) return DateTime.SpecifyKind(utc < from ? from : utc >= to ? to.AddSeconds(-1) : utc, DateTimeKind.Utc);
        }
    }
}
