using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace HireVet.Scale.Connectors;

/// <summary>The vendors, played by Kestrel on a loopback port in this process: Okta's System Log
/// (<c>GET /api/v1/logs</c>, a polling request paged by <c>Link: rel="next"</c>), the Microsoft identity platform's token
/// endpoint and Graph's <c>GET /v1.0/auditLogs/signIns</c> (newest first, <c>@odata.nextLink</c>), and Greenhouse's Harvest
/// <c>GET /v1/candidates/{id}</c>. Credentials are checked as the vendors check them. A page asked for as the clients ask
/// for it is served from the rendered bytes; any other slice (a later traversal's start) is rendered on request.</summary>
public sealed class VendorStub : IAsyncDisposable
{
    public const string OktaToken = "00bench-okta-api-token-Zr8Kq2";
    public const string Tenant = "bench.onmicrosoft.com";
    public const string ClientId = "6b1f0c3e-0000-4000-8000-0000000be9c4";
    public const string ClientSecret = "bench~graph~secret~Lm5";
    public const string HarvestKey = "bench-harvest-api-key";

    private readonly WebApplication _app;
    private readonly string _harvestAuthorization = "Basic " + Convert.ToBase64String(Encoding.ASCII.GetBytes(HarvestKey + ":"));
    private readonly ConcurrentDictionary<string, bool> _tokens = new();
    private long _bytes;
    private long _requests;

    public Uri BaseUrl { get; }
    public SignInLog? Okta { get; set; }
    public SignInLog? Graph { get; set; }
    public IReadOnlyDictionary<long, byte[]> Candidates { get; set; } = new Dictionary<long, byte[]>();

    /// <summary>When each candidate was first asked for, for the web hook latency's steps.</summary>
    public ConcurrentDictionary<long, DateTimeOffset> CandidateFetched { get; } = new();

    public long BytesServed => Interlocked.Read(ref _bytes);
    public long Requests => Interlocked.Read(ref _requests);

    private VendorStub(WebApplication app, Uri baseUrl) => (_app, BaseUrl) = (app, baseUrl);

    public static async Task<VendorStub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Limits.MaxResponseBufferSize = null).UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        VendorStub? stub = null;
        app.MapGet("/api/v1/logs", (HttpContext c) => stub!.OktaLogsAsync(c));
        app.MapPost("/{tenant}/oauth2/v2.0/token", (string tenant, HttpContext c) => stub!.TokenAsync(tenant, c));
        app.MapGet("/v1.0/auditLogs/signIns", (HttpContext c) => stub!.SignInsAsync(c));
        app.MapGet("/v1/candidates/{id:long}", (long id, HttpContext c) => stub!.CandidateAsync(id, c));
        await app.StartAsync();
        stub = new VendorStub(app, new Uri(app.Urls.First()));
        return stub;
    }

    private async Task OktaLogsAsync(HttpContext c)
    {
        var log = Okta!;
        if (c.Request.Headers.Authorization.ToString() != "SSWS " + OktaToken)
        {
            await ErrorAsync(c, 401, """{"errorCode":"E0000011","errorSummary":"Invalid token provided","errorLink":"E0000011","errorId":"oaeBench","errorCauses":[]}""");
            return;
        }
        var query = c.Request.Query;
        var limit = Math.Min(int.TryParse(query["limit"], CultureInfo.InvariantCulture, out var l) ? l : 100, 1000);
        var since = query["since"].ToString();
        var start = int.TryParse(query["after"], CultureInfo.InvariantCulture, out var after) ? after
            : since.Length > 0 && DateTimeOffset.TryParse(since, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var s) ? log.FirstAtOrAfter(s) : 0;
        start = Math.Clamp(start, 0, log.Count);
        var end = Math.Min(log.Count, start + limit);
        var body = start % log.PageSize == 0 && limit == log.PageSize && log.Pages.Length > 0 && end > start
            ? log.Pages[start / log.PageSize]
            : log.RenderAscending(start, end);
        // Okta links every page of a polling request to the next one, an empty page (caught up) to itself.
        var org = $"{c.Request.Scheme}://{c.Request.Host}";
        var next = $"{org}/api/v1/logs?limit={limit}&sortOrder=ASCENDING&since={Uri.EscapeDataString(since)}"
                   + (query["filter"].ToString() is { Length: > 0 } filter ? "&filter=" + Uri.EscapeDataString(filter) : "") + $"&after={end}";
        c.Response.Headers.Append("Link", $"<{org}{c.Request.Path}{c.Request.QueryString}>; rel=\"self\"");
        c.Response.Headers.Append("Link", $"<{next}>; rel=\"next\"");
        c.Response.Headers.Append("X-Rate-Limit-Limit", "1200");
        c.Response.Headers.Append("X-Rate-Limit-Remaining", "1199");
        c.Response.Headers.Append("X-Rate-Limit-Reset", DateTimeOffset.UtcNow.AddMinutes(1).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        await WriteAsync(c, body);
    }

    private async Task TokenAsync(string tenant, HttpContext c)
    {
        var form = await c.Request.ReadFormAsync();
        if (tenant != Tenant || form["client_id"] != ClientId || form["client_secret"] != ClientSecret || form["grant_type"] != "client_credentials")
        {
            await ErrorAsync(c, 401, """{"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided.","error_codes":[7000215]}""");
            return;
        }
        var token = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9." + Guid.NewGuid().ToString("N");
        _tokens[token] = true;
        await WriteAsync(c, Encoding.UTF8.GetBytes($$"""{"token_type":"Bearer","expires_in":3599,"ext_expires_in":3599,"access_token":"{{token}}"}"""));
    }

    private async Task SignInsAsync(HttpContext c)
    {
        var log = Graph!;
        var authorization = c.Request.Headers.Authorization.ToString();
        if (!authorization.StartsWith("Bearer ", StringComparison.Ordinal) || !_tokens.ContainsKey(authorization[7..]))
        {
            await ErrorAsync(c, 401, """{"error":{"code":"InvalidAuthenticationToken","message":"Access token validation failure. Invalid audience."}}""");
            return;
        }
        var query = c.Request.Query;
        var top = Math.Min(int.TryParse(query["$top"], CultureInfo.InvariantCulture, out var t) ? t : 1000, 1000);
        var filter = query["$filter"].ToString();
        const string prefix = "createdDateTime ge ";
        var since = filter.StartsWith(prefix, StringComparison.Ordinal)
                    && DateTimeOffset.TryParse(filter[prefix.Length..], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var s)
            ? s : DateTimeOffset.MinValue;
        // Newest first: positions 0 .. eligible-1 counted from the newest sign-in at or after the filter's start.
        var eligible = log.Count - log.FirstAtOrAfter(since);
        var skip = Math.Clamp(int.TryParse(query["$skiptoken"], CultureInfo.InvariantCulture, out var k) ? k : 0, 0, eligible);
        var end = Math.Min(eligible, skip + top);
        var value = eligible == log.Count && skip % log.PageSize == 0 && top == log.PageSize && log.Pages.Length > 0 && end > skip
            ? log.Pages[skip / log.PageSize]
            : log.RenderNewestFirst(skip, end);
        var head = Encoding.UTF8.GetBytes("""{"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#auditLogs/signIns","value":""");
        var tail = Encoding.UTF8.GetBytes(end < eligible
            ? $",\"@odata.nextLink\":\"{c.Request.Scheme}://{c.Request.Host}/v1.0/auditLogs/signIns?$top={top}&$filter={Uri.EscapeDataString(filter)}&$skiptoken={end}\"}}"
            : "}");
        await WriteAsync(c, head, value, tail);
    }

    private async Task CandidateAsync(long id, HttpContext c)
    {
        CandidateFetched.TryAdd(id, DateTimeOffset.UtcNow);
        if (c.Request.Headers.Authorization.ToString() != _harvestAuthorization)
        {
            await ErrorAsync(c, 401, """{"message":"Invalid Basic Auth credentials"}""");
            return;
        }
        if (!Candidates.TryGetValue(id, out var body))
        {
            await ErrorAsync(c, 404, """{"message":"Resource not found"}""");
            return;
        }
        c.Response.Headers.Append("X-RateLimit-Limit", "50");
        c.Response.Headers.Append("X-RateLimit-Remaining", "49");
        await WriteAsync(c, body);
    }

    private async Task WriteAsync(HttpContext c, params byte[][] parts)
    {
        c.Response.ContentType = "application/json; charset=utf-8";
        c.Response.ContentLength = parts.Sum(p => (long)p.Length);
        foreach (var part in parts) await c.Response.Body.WriteAsync(part);
        Interlocked.Add(ref _bytes, c.Response.ContentLength.Value);
        Interlocked.Increment(ref _requests);
    }

    private Task ErrorAsync(HttpContext c, int status, string json)
    {
        c.Response.StatusCode = status;
        return WriteAsync(c, Encoding.UTF8.GetBytes(json));
    }

    /// <summary>The stub's own serving rate: every rendered page of <paramref name="log"/> fetched over loopback by one
    /// client, one after the other as a pull does, each body read to its end and not parsed.</summary>
    public async Task<(double Seconds, long Bytes)> ServeAllAsync(SignInLog log, DateTimeOffset since)
    {
        using var http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromMinutes(1) };
        string? token = null;
        if (log.Vendor != "okta")
        {
            using var tokenResponse = await http.PostAsync($"/{Tenant}/oauth2/v2.0/token", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["client_id"] = ClientId, ["client_secret"] = ClientSecret, ["scope"] = "https://graph.microsoft.com/.default", ["grant_type"] = "client_credentials",
            }));
            token = System.Text.Json.JsonDocument.Parse(await tokenResponse.Content.ReadAsStringAsync()).RootElement.GetProperty("access_token").GetString();
        }
        var clock = Stopwatch.StartNew();
        long bytes = 0;
        for (var start = 0; start < log.Count; start += log.PageSize)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, log.Vendor == "okta"
                ? $"/api/v1/logs?since={Uri.EscapeDataString(since.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture))}&sortOrder=ASCENDING&limit={log.PageSize}&after={start}"
                : $"/v1.0/auditLogs/signIns?$filter={Uri.EscapeDataString("createdDateTime ge " + since.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture))}&$top={log.PageSize}&$skiptoken={start}");
            request.Headers.TryAddWithoutValidation("Authorization", token is null ? "SSWS " + OktaToken : "Bearer " + token);
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            response.EnsureSuccessStatusCode();
            await using var body = await response.Content.ReadAsStreamAsync();
            var buffer = new byte[81920];
            int read;
            while ((read = await body.ReadAsync(buffer)) > 0) bytes += read;
        }
        return (clock.Elapsed.TotalSeconds, bytes);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
