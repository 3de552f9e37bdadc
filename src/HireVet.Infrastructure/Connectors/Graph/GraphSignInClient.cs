using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;
using HireVet.Application.Connectors;

namespace HireVet.Infrastructure.Connectors.Graph;

/// <summary>Where and how a Microsoft Entra tenant's sign-ins are read. Not a record: its printout would show the
/// secret.</summary>
public sealed class GraphSignInOptions
{
    /// <summary>The tenant (directory) id or a verified domain of it.</summary>
    public required string TenantId { get; init; }

    /// <summary>The app registration's client id; the app needs the AuditLog.Read.All application permission.</summary>
    public required string ClientId { get; init; }

    public required string ClientSecret { get; init; }

    /// <summary>The Microsoft identity platform (http:// only to loopback).</summary>
    public Uri Authority { get; init; } = new("https://login.microsoftonline.com");

    /// <summary>Microsoft Graph (a national cloud has its own; http:// only to loopback).</summary>
    public Uri GraphBase { get; init; } = new("https://graph.microsoft.com");

    /// <summary>The token's scope: Graph's own resource with <c>/.default</c> (the app's granted permissions).</summary>
    public string Scope { get; init; } = "https://graph.microsoft.com/.default";

    /// <summary>How far back the first pull (no cursor) starts.</summary>
    public TimeSpan LookBack { get; init; } = TimeSpan.FromHours(24);

    /// <summary>Sign-ins per page, 1 to 1,000 (Graph's maximum).</summary>
    public int PageSize { get; init; } = 1000;

    /// <summary>A token is renewed this long before it expires (at most half its lifetime).</summary>
    public TimeSpan TokenRenewBefore { get; init; } = TimeSpan.FromMinutes(5);
}

/// <summary>Reads a tenant's sign-ins from Microsoft Graph (<c>GET /v1.0/auditLogs/signIns</c>) with an app token
/// (OAuth 2.0 client credentials), kept until shortly before it expires and renewed once when Graph answers 401.
/// <para>List signIns supports only <c>$top</c>, <c>$skiptoken</c> and <c>$filter</c> (no <c>$orderby</c>) and returns the
/// newest first, so a pull is a traversal: <c>$filter=createdDateTime ge {since}</c>, then the <c>@odata.nextLink</c>s
/// until there is none; the next traversal starts at the newest createdDateTime seen (an event at that instant comes
/// again and is stored once).</para>
/// <para>The cursor is JSON: <c>{"since":"…","next":"…","latest":"…"}</c>: the traversal's start (ISO 8601), the
/// nextLink to read next (absent between traversals) and the newest createdDateTime read so far in this traversal
/// (absent before any). Only nextLinks to the configured Graph host are followed (the token goes with them). Rate limits
/// (429/503 with Retry-After) are waited out by <see cref="VendorHttp"/>.</para></summary>
public sealed class GraphSignInClient : ISignInConnector
{
    private readonly VendorHttp _login;
    private readonly VendorHttp _graph;
    private readonly TimeProvider _clock;
    private readonly GraphSignInOptions _options;
    private readonly Uri _tokenUrl;
    private readonly Uri _graphOrigin;
    private Token? _token;   // swapped whole, so a connection test beside a pull reads one token or the other

    public GraphSignInClient(HttpClient http, TimeProvider clock, GraphSignInOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(options.TenantId, nameof(options.TenantId));
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ClientId, nameof(options.ClientId));
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ClientSecret, nameof(options.ClientSecret));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.PageSize, 1, nameof(options.PageSize));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.PageSize, 1000, nameof(options.PageSize));
        _login = new VendorHttp(http, clock);
        _graph = new VendorHttp(http, clock);
        _clock = clock;
        _options = options;
        _tokenUrl = new Uri(VendorHttp.Origin(options.Authority, nameof(options.Authority)), Uri.EscapeDataString(options.TenantId) + "/oauth2/v2.0/token");
        _graphOrigin = VendorHttp.Origin(options.GraphBase, nameof(options.GraphBase));
    }

    public string Source => "entra";

    /// <summary>A traversal's first request: <c>/v1.0/auditLogs/signIns?$filter=createdDateTime ge {since, whole seconds
    /// down}&amp;$top=…</c>.</summary>
    public Uri FirstUrl(DateTimeOffset since)
    {
        var utc = since.ToUniversalTime();
        var filter = "createdDateTime ge " + utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerSecond)).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return new Uri(_graphOrigin, "v1.0/auditLogs/signIns?$filter=" + Uri.EscapeDataString(filter) + "&$top=" + _options.PageSize.ToString(CultureInfo.InvariantCulture));
    }

    public async Task<SignInPage> PullAsync(string? cursor, CancellationToken ct)
    {
        var state = cursor is null ? new Cursor(_clock.GetUtcNow() - _options.LookBack, null, null) : Read(cursor);
        var url = state.Next is { } next ? OwnLink(next, "The stored cursor's nextLink") : FirstUrl(state.Since);
        using var response = await GetAsync(url, ct);
        if (!response.IsSuccessStatusCode) throw await VendorError.ReadAsync("Microsoft Graph", response, _options.ClientSecret, ct);
        var (events, nextLink) = await ReadPageAsync(response, ct);
        var latest = events.Select(CreatedAt).Append(state.Latest).Max();
        if (nextLink is not null)
            return new SignInPage(events, Write(state with { Next = OwnLink(nextLink, "Graph's @odata.nextLink").AbsoluteUri, Latest = latest }), More: true);
        var since = latest is { } newest && newest > state.Since ? newest : state.Since;
        return new SignInPage(events, Write(new Cursor(since, null, null)), More: false);
    }

    public async Task<ConnectionTest> TestConnectionAsync(CancellationToken ct)
    {
        try
        {
            using var response = await GetAsync(new Uri(_graphOrigin, "v1.0/auditLogs/signIns?$top=1"), ct);
            if (!response.IsSuccessStatusCode)
                return new ConnectionTest(false, (await VendorError.ReadAsync("Microsoft Graph", response, _options.ClientSecret, ct)).Message);
            return new ConnectionTest(true, $"Microsoft Graph {_graphOrigin.Authority} answered {(int)response.StatusCode}: the app reads the tenant's sign-ins.");
        }
        catch (ConnectorException e)
        {
            return new ConnectionTest(false, e.Message);
        }
        catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !ct.IsCancellationRequested))
        {
            return new ConnectionTest(false, VendorError.Blank($"Microsoft Entra ID or Graph could not be reached: {e.Message}", _options.ClientSecret));
        }
    }

    /// <summary>A GET with the app's token; a 401 (an expired or revoked token) gets one new token and one more try.</summary>
    private async Task<HttpResponseMessage> GetAsync(Uri url, CancellationToken ct)
    {
        var token = await TokenAsync(renew: false, ct);
        var response = await _graph.SendAsync(() => Get(url, token), ct);
        if (response.StatusCode != HttpStatusCode.Unauthorized) return response;
        response.Dispose();
        token = await TokenAsync(renew: true, ct);
        return await _graph.SendAsync(() => Get(url, token), ct);
    }

    private static HttpRequestMessage Get(Uri url, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return request;
    }

    private async Task<string> TokenAsync(bool renew, CancellationToken ct)
    {
        if (!renew && _token is { } cached && _clock.GetUtcNow() < cached.RenewAt) return cached.Value;
        _token = null;
        using var response = await _login.SendAsync(() => new HttpRequestMessage(HttpMethod.Post, _tokenUrl)
        {
            Content = new FormUrlEncodedContent(
            [
                new("client_id", _options.ClientId),
                new("client_secret", _options.ClientSecret),
                new("scope", _options.Scope),
                new("grant_type", "client_credentials"),
            ]),
        }, ct);
        if (!response.IsSuccessStatusCode) throw await VendorError.ReadAsync("Microsoft Entra ID's token endpoint", response, _options.ClientSecret, ct);
        string? value;
        TimeSpan lifetime;
        try
        {
            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
            var root = document.RootElement;
            value = root.TryGetProperty("access_token", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            lifetime = TimeSpan.FromSeconds(root.TryGetProperty("expires_in", out var e) ? e.ValueKind switch
            {
                JsonValueKind.Number => e.GetDouble(),
                JsonValueKind.String when double.TryParse(e.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var s) => s,
                _ => 0,
            } : 0);
        }
        catch (JsonException)
        {
            value = null;
            lifetime = TimeSpan.Zero;
        }
        if (string.IsNullOrEmpty(value))
            throw new ConnectorException($"Microsoft Entra ID's token endpoint answered {(int)response.StatusCode} without an access_token.", (int)response.StatusCode);
        var margin = _options.TokenRenewBefore < lifetime / 2 ? _options.TokenRenewBefore : lifetime / 2;
        _token = new Token(value, _clock.GetUtcNow() + lifetime - margin);
        return value;
    }

    private Uri OwnLink(string link, string what) =>
        Uri.TryCreate(link, UriKind.Absolute, out var url) && VendorHttp.SameOrigin(url, _graphOrigin)
            ? url
            : throw new ConnectorException($"{what} leads to {(url is null ? $"'{link}'" : url.Authority)}, not to Microsoft Graph {_graphOrigin.Authority}: refused.");

    private static async Task<(IReadOnlyList<JsonElement> Events, string? NextLink)> ReadPageAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var status = (int)response.StatusCode;
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(ct);
            using var document = await JsonDocument.ParseAsync(body, cancellationToken: ct);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.Array)
                throw new ConnectorException($"Microsoft Graph answered {status} without a \"value\" array of signIns.", status);
            var next = root.TryGetProperty("@odata.nextLink", out var link) && link.ValueKind == JsonValueKind.String ? link.GetString() : null;
            return ([.. value.EnumerateArray().Select(e => e.Clone())], string.IsNullOrEmpty(next) ? null : next);
        }
        catch (JsonException e)
        {
            throw new ConnectorException($"Microsoft Graph answered {status} with a body that is not JSON: {e.Message}", status);
        }
    }

    private static DateTimeOffset? CreatedAt(JsonElement e) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty("createdDateTime", out var at) && at.ValueKind == JsonValueKind.String
        && DateTimeOffset.TryParse(at.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : null;

    private static Cursor Read(string cursor)
    {
        try
        {
            return JsonSerializer.Deserialize<Cursor>(cursor) ?? throw new JsonException("null");
        }
        catch (JsonException e)
        {
            throw new ConnectorException($"The stored cursor is not a Graph sign-in cursor ({e.Message}).");
        }
    }

    private static string Write(Cursor cursor) => JsonSerializer.Serialize(cursor);

    private sealed record Token(string Value, DateTimeOffset RenewAt);

    private sealed record Cursor(
        [property: JsonPropertyName("since")] DateTimeOffset Since,
        [property: JsonPropertyName("next"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Next,
        [property: JsonPropertyName("latest"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? Latest);
}
