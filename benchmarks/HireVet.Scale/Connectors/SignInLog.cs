using System.Buffers;
using System.Globalization;
using System.Net;
using System.Text.Json;
using HireVet.Application.ReferenceData.Network;
using HireVet.Quality.Corpus;
using HireVet.Scale.Monitoring;

namespace HireVet.Scale.Connectors;

/// <summary>Someone who signs in: a stored worker (their work e-mail) or a colleague HireVet never vetted, with the
/// addresses they sign in from (home and phone, from a residential ISP of their country, and a hotel's or a VPN's
/// now and then), a browser and a device.</summary>
public sealed record Principal(string Email, string Name, bool Stored, Country Country, City City, string OktaId, string EntraId, string DeviceId,
    Principal.Address Home, Principal.Address Phone, Principal.Address Away, Principal.Browser Agent)
{
    public sealed record Address(string Ip, int? Asn, string? Organisation, string CountryCode, string City, string? Region);
    public sealed record Browser(string Raw, string Os, string OktaBrowser, string GraphBrowser);

    private static readonly Browser[] Browsers =
    [
        new("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36", "Windows 10", "CHROME", "Chrome 131.0.0"),
        new("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0", "Windows 10", "EDGE", "Edge 131.0.0"),
        new("Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15", "Mac OS X", "SAFARI", "Safari 18.1"),
        new("Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0", "Linux", "FIREFOX", "Firefox 133.0"),
    ];

    /// <summary>The workers first (their work e-mails as stored), then unstored colleagues up to <paramref name="count"/>.</summary>
    public static Principal[] Make(IReadOnlyList<Workforce.Member> workers, IReadOnlyDictionary<long, string> names, int count, IpPools ips,
        NetworkIntelligence network, int seed)
    {
        var rng = new Random(seed);
        Address At(string ip, Country country, City city)
        {
            var info = network.Enrich(IPAddress.Parse(ip));
            return new Address(ip, info.Asn, info.Organisation, info.Country ?? country.Code, city.Name, city.Region);
        }
        Principal Make(string email, string name, bool stored, Country country, City city)
        {
            var away = rng.Next(3) == 0 ? Countries.All[rng.Next(Countries.All.Length)] : country;
            var awayCity = away.Cities[rng.Next(away.Cities.Length)];
            return new Principal(email, name, stored, country, city, "00u" + Token(rng, 17), Guid(rng), Guid(rng),
                At(ips.Residential(rng, country), country, city), At(ips.Residential(rng, country), country, city),
                rng.Next(2) == 0 ? At(ips.Vpn(rng), away, awayCity) : At(ips.Residential(rng, away), away, awayCity),
                Browsers[rng.Next(Browsers.Length)]);
        }
        var principals = new List<Principal>(count);
        foreach (var w in workers.Take(count))
            principals.Add(Make(w.WorkEmail, names.TryGetValue(w.WorkerId, out var n) ? n : w.WorkEmail.Split('@')[0], true, w.Country, w.City));
        for (var i = principals.Count; i < count; i++)
        {
            var country = Countries.All[rng.Next(Countries.All.Length)];
            principals.Add(Make($"contractor{i:00000}@corp.example", $"Contractor {i:00000}", false, country, country.Cities[rng.Next(country.Cities.Length)]));
        }
        return [.. principals];
    }

    public static string Guid(Random rng)
    {
        Span<byte> bytes = stackalloc byte[16];
        rng.NextBytes(bytes);
        bytes[7] = (byte)(bytes[7] & 0x0F | 0x40); // version 4
        bytes[8] = (byte)(bytes[8] & 0x3F | 0x80); // RFC 4122 variant
        return new System.Guid(bytes).ToString();
    }

    public static string Token(Random rng, int length)
    {
        const string alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        return string.Create(length, rng, (span, r) => { for (var i = 0; i < span.Length; i++) span[i] = alphabet[r.Next(alphabet.Length)]; });
    }
}

/// <summary>One identity provider's sign-in log: <see cref="Count"/> sign-ins at ascending times in a window (inside the
/// clients' first look-back of 24 hours), each by a principal drawn at random, with a UUID and
/// an outcome, rendered as the vendor's API sends them: Okta LogEvents (<c>user.session.start</c>) or Microsoft Graph
/// signIns (v1.0). Pages are rendered ahead of the run (<see cref="RenderPages"/>), so that serving one is a copy.</summary>
public sealed class SignInLog
{
    private readonly record struct Entry(long Ticks, int Principal, byte Via, bool Failed, Guid Id, Guid Request, Guid Session);

    private readonly Entry[] _entries;
    private readonly Principal[] _principals;

    public string Vendor { get; }
    public int Count => _entries.Length;
    public int PageSize { get; }
    public DateTimeOffset First => new(_entries[0].Ticks, TimeSpan.Zero);
    public DateTimeOffset Last => new(_entries[^1].Ticks, TimeSpan.Zero);
    public int StoredPrincipalEvents { get; }

    /// <summary>Okta pages in ascending order, Graph pages newest first (as each lists them): the JSON array of page k
    /// (Okta: the whole body; Graph: its <c>value</c>). Empty until rendered.</summary>
    public byte[][] Pages { get; private set; } = [];
    public long RenderedBytes => Pages.Sum(p => (long)p.Length);

    /// <param name="from">The first sign-in's time, at most; <paramref name="to"/> the last's.</param>
    public SignInLog(string vendor, Principal[] principals, int count, int pageSize, DateTimeOffset from, DateTimeOffset to, int seed)
    {
        Vendor = vendor;
        PageSize = pageSize;
        _principals = principals;
        var rng = new Random(seed);
        var start = from.UtcTicks;
        var step = (to - from).Ticks / count;
        Guid Id() { Span<byte> b = stackalloc byte[16]; rng.NextBytes(b); b[7] = (byte)(b[7] & 0x0F | 0x40); b[8] = (byte)(b[8] & 0x3F | 0x80); return new Guid(b); }
        _entries = new Entry[count];
        for (var i = 0; i < count; i++)
        {
            // Whole milliseconds (Okta's resolution; Graph's createdDateTime is read to the second by the client's filter).
            var ticks = start + i * step + (long)(rng.NextDouble() * step);
            ticks -= ticks % TimeSpan.TicksPerMillisecond;
            var draw = rng.NextDouble();
            _entries[i] = new Entry(ticks, rng.Next(principals.Length), draw < 0.85 ? (byte)0 : draw < 0.97 ? (byte)1 : (byte)2, rng.NextDouble() < 0.03,
                Id(), Id(), Id());
        }
        StoredPrincipalEvents = _entries.Count(e => principals[e.Principal].Stored);
    }

    /// <summary>The index of the first sign-in at or after <paramref name="since"/> (ascending order).</summary>
    public int FirstAtOrAfter(DateTimeOffset since)
    {
        var (lo, hi) = (0, _entries.Length);
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_entries[mid].Ticks < since.UtcTicks) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    public void RenderPages()
    {
        var pages = new byte[(Count + PageSize - 1) / PageSize][];
        Parallel.For(0, pages.Length, k => pages[k] = Vendor == "okta"
            ? RenderAscending(k * PageSize, Math.Min(Count, (k + 1) * PageSize))
            : RenderNewestFirst(k * PageSize, Math.Min(Count, (k + 1) * PageSize)));
        Pages = pages;
    }

    /// <summary>Okta: sign-ins [from, to) in ascending order, as a JSON array.</summary>
    public byte[] RenderAscending(int from, int to) => Render(Enumerable.Range(from, to - from));

    /// <summary>Graph: positions [from, to) counted from the newest sign-in, newest first, as a JSON array.</summary>
    public byte[] RenderNewestFirst(int from, int to) => Render(Enumerable.Range(from, to - from).Select(p => Count - 1 - p));

    private byte[] Render(IEnumerable<int> indexes)
    {
        var buffer = new ArrayBufferWriter<byte>(PageSize * 2600);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartArray();
            foreach (var i in indexes)
                if (Vendor == "okta") WriteOkta(w, _entries[i]);
                else WriteGraph(w, _entries[i]);
            w.WriteEndArray();
        }
        return buffer.WrittenSpan.ToArray();
    }

    private Principal.Address Where(Entry e, Principal p) => e.Via switch { 1 => p.Phone, 2 => p.Away, _ => p.Home };

    private static string Time(long ticks, string format) => new DateTime(ticks, DateTimeKind.Utc).ToString(format, CultureInfo.InvariantCulture);

    private static string CountryName(string code)
    {
        try { return new RegionInfo(code).EnglishName; }
        catch (ArgumentException) { return code; }
    }

    /// <summary>A LogEvent as GET /api/v1/logs returns it (the shape of Okta's published System Log events).</summary>
    private void WriteOkta(Utf8JsonWriter w, Entry e)
    {
        var p = _principals[e.Principal];
        var at = Where(e, p);
        var id = e.Id.ToString();
        var request = Convert.ToBase64String(e.Request.ToByteArray())[..22].Replace('/', '-').Replace('+', '_');
        w.WriteStartObject();
        w.WriteStartObject("actor");
        w.WriteString("id", p.OktaId);
        w.WriteString("type", "User");
        w.WriteString("alternateId", p.Email);
        w.WriteString("displayName", p.Name);
        w.WriteNull("detailEntry");
        w.WriteEndObject();
        w.WriteStartObject("client");
        w.WriteStartObject("userAgent");
        w.WriteString("rawUserAgent", p.Agent.Raw);
        w.WriteString("os", p.Agent.Os);
        w.WriteString("browser", p.Agent.OktaBrowser);
        w.WriteEndObject();
        w.WriteString("zone", "null");
        w.WriteString("device", e.Via == 1 ? "Mobile" : "Computer");
        w.WriteNull("id");
        w.WriteString("ipAddress", at.Ip);
        WriteOktaGeography(w, at);
        w.WriteEndObject();
        w.WriteNull("device");
        w.WriteStartObject("authenticationContext");
        w.WriteNull("authenticationProvider");
        w.WriteNull("credentialProvider");
        w.WriteNull("credentialType");
        w.WriteNull("issuer");
        w.WriteNull("interface");
        w.WriteNumber("authenticationStep", 0);
        w.WriteString("externalSessionId", "102" + e.Session.ToString("N")[..22]);
        w.WriteEndObject();
        w.WriteString("displayMessage", "User login to Okta");
        w.WriteString("eventType", "user.session.start");
        w.WriteStartObject("outcome");
        w.WriteString("result", e.Failed ? "FAILURE" : "SUCCESS");
        if (e.Failed) w.WriteString("reason", "INVALID_CREDENTIALS");
        else w.WriteNull("reason");
        w.WriteEndObject();
        w.WriteString("published", Time(e.Ticks, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'"));
        w.WriteStartObject("securityContext");
        if (at.Asn is { } asn) w.WriteNumber("asNumber", asn);
        else w.WriteNull("asNumber");
        w.WriteString("asOrg", at.Organisation?.ToLowerInvariant());
        w.WriteString("isp", at.Organisation?.ToLowerInvariant());
        w.WriteNull("domain");
        w.WriteBoolean("isProxy", e.Via == 2);
        w.WriteEndObject();
        w.WriteString("severity", e.Failed ? "WARN" : "INFO");
        w.WriteStartObject("debugContext");
        w.WriteStartObject("debugData");
        w.WriteString("requestId", request);
        w.WriteString("requestUri", "/idp/idx/identify");
        w.WriteString("url", "/idp/idx/identify?");
        w.WriteString("threatSuspected", "false");
        w.WriteString("deviceFingerprint", p.DeviceId.Replace("-", "", StringComparison.Ordinal));
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteString("legacyEventType", e.Failed ? "core.user_auth.login_failed" : "core.user_auth.login_success");
        w.WriteStartObject("transaction");
        w.WriteString("type", "WEB");
        w.WriteString("id", request);
        w.WriteStartObject("detail");
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteString("uuid", id);
        w.WriteString("version", "0");
        w.WriteStartObject("request");
        w.WriteStartArray("ipChain");
        w.WriteStartObject();
        w.WriteString("ip", at.Ip);
        WriteOktaGeography(w, at);
        w.WriteString("version", "V4");
        w.WriteNull("source");
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteStartArray("target");
        w.WriteStartObject();
        w.WriteString("id", "pfw" + p.OktaId[3..]);
        w.WriteString("type", "AuthenticatorEnrollment");
        w.WriteString("alternateId", "unknown");
        w.WriteString("displayName", "Password");
        w.WriteNull("detailEntry");
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteOktaGeography(Utf8JsonWriter w, Principal.Address at)
    {
        w.WriteStartObject("geographicalContext");
        w.WriteString("city", at.City);
        w.WriteString("state", at.Region);
        w.WriteString("country", CountryName(at.CountryCode));
        w.WriteNull("postalCode");
        w.WriteEndObject();
    }

    /// <summary>A signIn as GET /v1.0/auditLogs/signIns returns it (the shape of Microsoft's published v1.0 example).</summary>
    private void WriteGraph(Utf8JsonWriter w, Entry e)
    {
        var p = _principals[e.Principal];
        var at = Where(e, p);
        w.WriteStartObject();
        w.WriteString("id", e.Id.ToString());
        w.WriteString("createdDateTime", Time(e.Ticks, "yyyy-MM-dd'T'HH:mm:ss'Z'"));
        w.WriteString("userDisplayName", p.Name);
        w.WriteString("userPrincipalName", p.Email);
        w.WriteString("userId", p.EntraId);
        w.WriteString("appId", "00000002-0000-0ff1-ce00-000000000000");
        w.WriteString("appDisplayName", "Office 365 Exchange Online");
        w.WriteString("ipAddress", at.Ip);
        w.WriteString("clientAppUsed", "Browser");
        w.WriteString("correlationId", e.Session.ToString());
        w.WriteString("conditionalAccessStatus", "success");
        w.WriteBoolean("isInteractive", true);
        w.WriteString("riskDetail", "none");
        w.WriteString("riskLevelAggregated", "none");
        w.WriteString("riskLevelDuringSignIn", "none");
        w.WriteString("riskState", "none");
        w.WriteStartArray("riskEventTypes");
        w.WriteEndArray();
        w.WriteStartArray("riskEventTypes_v2");
        w.WriteEndArray();
        w.WriteString("resourceDisplayName", "Office 365 Exchange Online");
        w.WriteString("resourceId", "00000002-0000-0ff1-ce00-000000000000");
        w.WriteStartObject("status");
        w.WriteNumber("errorCode", e.Failed ? 50126 : 0);
        if (e.Failed)
        {
            w.WriteString("failureReason", "Error validating credentials due to invalid username or password.");
            w.WriteString("additionalDetails", "The user didn't enter the right credentials.");
        }
        else
        {
            w.WriteNull("failureReason");
            w.WriteNull("additionalDetails");
        }
        w.WriteEndObject();
        w.WriteStartObject("deviceDetail");
        w.WriteString("deviceId", e.Via == 1 ? "" : p.DeviceId);
        w.WriteString("displayName", e.Via == 1 ? null : "LAPTOP-" + p.DeviceId[..8].ToUpperInvariant());
        w.WriteString("operatingSystem", e.Via == 1 ? "Ios" : p.Agent.Os);
        w.WriteString("browser", p.Agent.GraphBrowser);
        w.WriteBoolean("isCompliant", e.Via != 1);
        w.WriteBoolean("isManaged", e.Via != 1);
        w.WriteString("trustType", e.Via == 1 ? null : "Azure AD joined");
        w.WriteEndObject();
        w.WriteStartObject("location");
        w.WriteString("city", at.City);
        w.WriteString("state", at.Region);
        w.WriteString("countryOrRegion", at.CountryCode);
        w.WriteStartObject("geoCoordinates");
        w.WriteNull("altitude");
        w.WriteNull("latitude");
        w.WriteNull("longitude");
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteStartArray("appliedConditionalAccessPolicies");
        w.WriteStartObject();
        w.WriteString("id", "de7e60eb-ed89-4d73-8205-2227def6b7c9");
        w.WriteString("displayName", "Require MFA for all users");
        w.WriteStartArray("enforcedGrantControls");
        w.WriteStringValue("Mfa");
        w.WriteEndArray();
        w.WriteStartArray("enforcedSessionControls");
        w.WriteEndArray();
        w.WriteString("result", e.Failed ? "notApplied" : "success");
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
