using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using HireVet.Application.Connectors;

namespace HireVet.Infrastructure.Connectors.Okta;

/// <summary>Where and how an Okta org's System Log is read. Not a record: its printout would show the token.</summary>
public sealed class OktaLogOptions
{
    /// <summary>Okta's filter for the events the sign-in parser keeps (sessions started, authentications), in the
    /// System Log API's SCIM filter syntax.</summary>
    public const string SignInFilter = "eventType eq \"user.session.start\" or eventType sw \"user.authentication.\"";

    /// <summary>The org, e.g. https://example.okta.com (http:// only to loopback).</summary>
    public required Uri OrgUrl { get; init; }

    /// <summary>An API token of an admin who can read the System Log, sent as <c>Authorization: SSWS …</c>.</summary>
    public required string ApiToken { get; init; }

    /// <summary>How far back the first pull (no cursor) starts.</summary>
    public TimeSpan LookBack { get; init; } = TimeSpan.FromHours(24);

    /// <summary>Events per page, 1 to 1,000 (Okta's maximum).</summary>
    public int PageSize { get; init; } = 1000;

    /// <summary>The filter of the first request (the next links carry it on); null reads every event type, which the
    /// parser then skips.</summary>
    public string? Filter { get; init; } = SignInFilter;
}

/// <summary>Reads an Okta org's System Log (<c>GET /api/v1/logs</c>) as a polling request: ascending from a start time,
/// with no end, following the <c>Link: &lt;…&gt;; rel="next"</c> Okta sends with every page, an empty one too. An empty
/// page means caught up; the next pull asks the same link again and gets what arrived since.
/// <para>The cursor is that next link, an absolute URL on the org's own host (a link to another host is refused: the API
/// token goes with it). Rate limits (429, X-Rate-Limit-Remaining/-Reset) are waited out by <see cref="VendorHttp"/>.</para></summary>
public sealed class OktaLogClient : ISignInConnector
{
    private readonly VendorHttp _http;
    private readonly TimeProvider _clock;
    private readonly OktaLogOptions _options;
    private readonly Uri _org;

    public OktaLogClient(HttpClient http, TimeProvider clock, OktaLogOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ApiToken, nameof(options.ApiToken));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.PageSize, 1, nameof(options.PageSize));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.PageSize, 1000, nameof(options.PageSize));
        _http = new VendorHttp(http, clock);
        _clock = clock;
        _options = options;
        _org = VendorHttp.Origin(options.OrgUrl, nameof(options.OrgUrl));
    }

    public string Source => "okta";

    /// <summary>The first request of a connector: <c>/api/v1/logs?since=…&amp;sortOrder=ASCENDING&amp;limit=…[&amp;filter=…]</c>.</summary>
    public Uri FirstUrl(DateTimeOffset since) =>
        new(_org, "api/v1/logs?since=" + since.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)
                  + "&sortOrder=ASCENDING&limit=" + _options.PageSize.ToString(CultureInfo.InvariantCulture)
                  + (_options.Filter is { Length: > 0 } filter ? "&filter=" + Uri.EscapeDataString(filter) : ""));

    public async Task<SignInPage> PullAsync(string? cursor, CancellationToken ct)
    {
        var url = cursor is null ? FirstUrl(_clock.GetUtcNow() - _options.LookBack) : OwnLink(cursor, "The stored cursor");
        using var response = await _http.SendAsync(() => Get(url), ct);
        if (!response.IsSuccessStatusCode) throw await VendorError.ReadAsync("Okta", response, _options.ApiToken, ct);
        var events = await ReadEventsAsync(response, ct);
        if (VendorHttp.NextLink(response) is { } next)
            return new SignInPage(events, OwnLink(next.AbsoluteUri, "Okta's next link").AbsoluteUri, More: events.Count > 0);
        // Okta always sends a next link to a polling request. Without one, the next run starts again after the newest
        // event read (its copies are stored once), and this one stops here rather than loop.
        var restart = events.Count == 0 ? url : FirstUrl(Newest(events) ?? _clock.GetUtcNow() - _options.LookBack);
        return new SignInPage(events, restart.AbsoluteUri, More: false);
    }

    public async Task<ConnectionTest> TestConnectionAsync(CancellationToken ct)
    {
        try
        {
            using var response = await _http.SendAsync(() => Get(new Uri(_org, "api/v1/logs?limit=1")), ct);
            if (!response.IsSuccessStatusCode) return new ConnectionTest(false, (await VendorError.ReadAsync("Okta", response, _options.ApiToken, ct)).Message);
            return new ConnectionTest(true, $"Okta {_org.Authority} answered {(int)response.StatusCode}: the token reads the System Log.");
        }
        catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !ct.IsCancellationRequested))
        {
            return new ConnectionTest(false, VendorError.Blank($"Okta {_org.Authority} could not be reached: {e.Message}", _options.ApiToken));
        }
    }

    private HttpRequestMessage Get(Uri url)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("SSWS", _options.ApiToken);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return request;
    }

    private Uri OwnLink(string link, string what) =>
        Uri.TryCreate(link, UriKind.Absolute, out var url) && VendorHttp.SameOrigin(url, _org)
            ? url
            : throw new ConnectorException($"{what} leads to {(url is null ? $"'{link}'" : url.Authority)}, not to the Okta org {_org.Authority}: refused.");

    private static async Task<IReadOnlyList<JsonElement>> ReadEventsAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(ct);
            using var document = await JsonDocument.ParseAsync(body, cancellationToken: ct);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
                throw new ConnectorException($"Okta answered {(int)response.StatusCode} with a JSON {document.RootElement.ValueKind}, not an array of events.", (int)response.StatusCode);
            return [.. document.RootElement.EnumerateArray().Select(e => e.Clone())];
        }
        catch (JsonException e)
        {
            throw new ConnectorException($"Okta answered {(int)response.StatusCode} with a body that is not JSON: {e.Message}", (int)response.StatusCode);
        }
    }

    private static DateTimeOffset? Newest(IReadOnlyList<JsonElement> events) =>
        events.Select(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("published", out var p) && p.ValueKind == JsonValueKind.String
                           && DateTimeOffset.TryParse(p.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : (DateTimeOffset?)null)
              .Max();
}
