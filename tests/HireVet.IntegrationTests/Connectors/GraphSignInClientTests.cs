using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using HireVet.Application.Connectors;
using HireVet.Application.Ingestion.Formats;
using HireVet.Infrastructure.Connectors.Graph;
using HireVet.IntegrationTests.Notices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace HireVet.IntegrationTests.Connectors;

/// <summary>The Microsoft Graph sign-in client against the Microsoft identity platform and Graph played by one loopback
/// stub: the published signIns served over @odata.nextLink, newest first as Graph lists them, the next traversal's
/// start, a resume after a crash, Retry-After, an expired and a renewed token, a wrong secret, a missing permission and a
/// nextLink to another host.</summary>
public sealed class GraphSignInClientTests
{
    private const string Tenant = "contoso.onmicrosoft.com";
    private const string ClientId = "4a1b7c2d-0000-4000-8000-00000000c11e";
    private const string Secret = "graph~test~secret~Kq8";
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    private static GraphSignInClient Client(LoopbackStub stub, TimeProvider? clock = null, string secret = Secret) =>
        new(Http, clock ?? new ManualClock(Now), new GraphSignInOptions
        {
            TenantId = Tenant, ClientId = ClientId, ClientSecret = secret, Authority = stub.BaseUrl, GraphBase = stub.BaseUrl,
        });

    /// <summary>The identity platform's token endpoint and Graph's List signIns. Tokens are token-1, token-2, …, each
    /// good until <see cref="Revoke"/>; pages are served by $skiptoken (page N links to page N+1 while there is one).</summary>
    private sealed class Graph
    {
        public List<JsonElement[]> Pages { get; set; } = [];
        public int ExpiresIn { get; init; } = 3599;
        public Func<HttpContext, IResult?>? Before { get; init; }
        public int TokensIssued => _tokens;
        private int _tokens;
        private readonly HashSet<string> _valid = [];

        public void Revoke()
        {
            lock (_valid) _valid.Clear();
        }

        public Task<LoopbackStub> StartAsync() => LoopbackStub.StartAsync(app =>
        {
            app.MapPost("/{tenant}/oauth2/v2.0/token", async (string tenant, HttpContext context) =>
            {
                var form = await context.Request.ReadFormAsync();
                if (tenant != Tenant || form["client_id"] != ClientId || form["client_secret"] != Secret)
                    return Results.Text("""
                        {"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '4a1b7c2d-0000-4000-8000-00000000c11e'.\r\nTrace ID: 0b9e4c7a-test\r\nCorrelation ID: 6f0c1d2e-test\r\nTimestamp: 2026-03-01 12:00:00Z","error_codes":[7000215],"timestamp":"2026-03-01 12:00:00Z","trace_id":"0b9e4c7a-test","correlation_id":"6f0c1d2e-test","error_uri":"https://login.microsoftonline.com/error?code=7000215"}
                        """, "application/json", statusCode: 401);
                var token = "token-" + Interlocked.Increment(ref _tokens).ToString(CultureInfo.InvariantCulture);
                lock (_valid) _valid.Add(token);
                return Results.Json(new Dictionary<string, object> { ["token_type"] = "Bearer", ["expires_in"] = ExpiresIn, ["ext_expires_in"] = ExpiresIn, ["access_token"] = token });
            });
            app.MapGet("/v1.0/auditLogs/signIns", (HttpContext context) =>
            {
                bool valid;
                lock (_valid) valid = _valid.Contains(context.Request.Headers.Authorization.ToString().Replace("Bearer ", "", StringComparison.Ordinal));
                if (!valid)
                    return Results.Text("""
                        {"error":{"code":"InvalidAuthenticationToken","message":"Access token has expired or is not yet valid.","innerError":{"date":"2026-03-01T12:00:00","request-id":"7a1e-test","client-request-id":"7a1e-test"}}}
                        """, "application/json", statusCode: 401);
                if (Before?.Invoke(context) is { } answer) return answer;
                var skip = context.Request.Query["$skiptoken"].ToString();
                var page = skip.Length == 0 ? 0 : int.Parse(skip[1..], CultureInfo.InvariantCulture);
                // Written as text: a published signIn keeps its duplicate keys, which JsonObject would refuse.
                var events = string.Join(",", (page < Pages.Count ? Pages[page] : []).Select(e => e.GetRawText()));
                var next = page + 1 < Pages.Count
                    ? ",\"@odata.nextLink\":" + JsonSerializer.Serialize($"{context.Request.Scheme}://{context.Request.Host}/v1.0/auditLogs/signIns?$top=1000&$filter=createdDateTime+ge+2026-02-28T12%3a00%3a00Z&$skiptoken=p{page + 1}")
                    : "";
                return Results.Text($"{{\"@odata.context\":\"https://graph.microsoft.com/v1.0/$metadata#auditLogs/signIns\",\"value\":[{events}]{next}}}", "application/json");
            });
        });
    }

    private static JsonElement SignIn(string id, string createdDateTime) => JsonDocument.Parse($$$"""
        {"id":"{{{id}}}","createdDateTime":"{{{createdDateTime}}}","userPrincipalName":"ana.worker@contoso.com","ipAddress":"203.0.113.7",
         "correlationId":"c-{{{id}}}","status":{"errorCode":0,"failureReason":null},"location":{"city":"Lisbon","countryOrRegion":"PT"},
         "deviceDetail":{"deviceId":"","browser":"Edge 120.0.0"}}
        """).RootElement.Clone();

    private static string Id(JsonElement e) => e.GetProperty("id").GetString()!;

    private static IReadOnlyDictionary<string, string> Query(LoopbackStub.Received request) =>
        QueryHelpers.ParseQuery(new Uri("http://x" + request.PathAndQuery).Query).ToDictionary(q => q.Key, q => q.Value.ToString());

    private static JsonElement Cursor(string cursor) => JsonDocument.Parse(cursor).RootElement;

    [Fact]
    public async Task Reads_the_published_signIns_over_nextLinks_then_starts_the_next_traversal_at_the_newest_one_seen()
    {
        var published = PublishedSamples.GraphSignIns(out var repaired, out var unreadable);
        Assert.Equal(5, published.Count);   // v1.0's example twice, beta's failed sign-in twice, the 2018 beta Get once
        Assert.Equal(2, repaired);          // v1.0's trailing comma
        Assert.Equal(0, unreadable);
        var graph = new Graph { Pages = [[SignIn("a", "2026-03-01T10:05:00Z"), SignIn("b", "2026-03-01T10:04:00.1234567Z")], [.. published], [SignIn("c", "2026-03-01T09:59:00Z")]] };
        await using var stub = await graph.StartAsync();
        var client = Client(stub);

        var read = new List<JsonElement>();
        var pages = new List<SignInPage>();
        string? cursor = null;
        do
        {
            pages.Add(await client.PullAsync(cursor, CancellationToken.None));
            read.AddRange(pages[^1].Events);
            cursor = pages[^1].Cursor;
        } while (pages[^1].More);

        Assert.Equal(3, pages.Count);
        Assert.Equal(["a", "b", .. published.Select(Id), "c"], read.Select(Id));
        // Each published signIn arrives as published (duplicate keys too), outlives its response, and the upload's parser
        // reads it without throwing.
        Assert.All(published.Zip(read.Skip(2)), p => Assert.Equal(p.First.GetRawText(), p.Second.GetRawText()));
        Assert.All(read, e => EntraSignInLog.Parse(e));
        Assert.Equal(2, read.Count(e => e.EnumerateObject().Count(p => p.Name == "homeTenantId") == 2));

        // While the traversal runs the cursor holds its start, the nextLink and the newest sign-in so far; at its end
        // only the next start: the newest createdDateTime seen.
        Assert.Equal(DateTimeOffset.Parse("2026-02-28T12:00:00Z", CultureInfo.InvariantCulture), Cursor(pages[0].Cursor).GetProperty("since").GetDateTimeOffset());
        Assert.EndsWith("$skiptoken=p1", Cursor(pages[0].Cursor).GetProperty("next").GetString());
        Assert.Equal(DateTimeOffset.Parse("2026-03-01T10:05:00Z", CultureInfo.InvariantCulture), Cursor(pages[1].Cursor).GetProperty("latest").GetDateTimeOffset());
        Assert.False(Cursor(cursor!).TryGetProperty("next", out _));
        Assert.Equal(DateTimeOffset.Parse("2026-03-01T10:05:00Z", CultureInfo.InvariantCulture), Cursor(cursor!).GetProperty("since").GetDateTimeOffset());

        var requests = stub.Requests.ToArray();
        var token = Assert.Single(requests, r => r.Method == "POST");
        Assert.Equal($"/{Tenant}/oauth2/v2.0/token", token.PathAndQuery);
        var form = QueryHelpers.ParseQuery(token.Body).ToDictionary(f => f.Key, f => f.Value.ToString());
        Assert.Equal(new Dictionary<string, string>
        {
            ["client_id"] = ClientId, ["client_secret"] = Secret, ["scope"] = "https://graph.microsoft.com/.default", ["grant_type"] = "client_credentials",
        }, form);
        var gets = requests.Where(r => r.Method == "GET").ToArray();
        Assert.Equal(new Dictionary<string, string> { ["$filter"] = "createdDateTime ge 2026-02-28T12:00:00Z", ["$top"] = "1000" }, Query(gets[0]));
        Assert.Equal(["p1", "p2"], gets.Skip(1).Select(g => Query(g)["$skiptoken"]));
        Assert.All(gets, g => Assert.Equal("Bearer token-1", g.Headers["Authorization"]));

        // The next traversal starts at 10:05: Graph lists that sign-in again (stored once), and the cursor stays.
        graph.Pages = [[SignIn("a", "2026-03-01T10:05:00Z")]];
        var tie = await client.PullAsync(cursor, CancellationToken.None);
        Assert.Equal("createdDateTime ge 2026-03-01T10:05:00Z", Query(stub.Requests.Last())["$filter"]);
        Assert.Equal(["a"], tie.Events.Select(Id));
        Assert.False(tie.More);
        Assert.Equal(cursor, tie.Cursor);

        // Nothing at all since: an empty page, caught up, the cursor as it was.
        graph.Pages = [];
        var empty = await client.PullAsync(cursor, CancellationToken.None);
        Assert.Empty(empty.Events);
        Assert.False(empty.More);
        Assert.Equal(cursor, empty.Cursor);
        Assert.Equal(1, graph.TokensIssued);
    }

    [Fact]
    public async Task After_a_crash_between_storing_a_page_and_its_cursor_the_stored_cursor_reads_that_page_again_and_no_more()
    {
        var graph = new Graph
        {
            Pages = [[SignIn("e5", "2026-03-01T11:50:00Z"), SignIn("e4", "2026-03-01T11:40:00Z")], [SignIn("e3", "2026-03-01T11:30:00Z"), SignIn("e2", "2026-03-01T11:20:00Z")], [SignIn("e1", "2026-03-01T11:10:00Z")]],
        };
        await using var stub = await graph.StartAsync();
        var stored = new List<string>();

        var first = await Client(stub).PullAsync(null, CancellationToken.None);
        stored.AddRange(first.Events.Select(Id));
        var storedCursor = first.Cursor;
        var second = await Client(stub).PullAsync(storedCursor, CancellationToken.None);
        stored.AddRange(second.Events.Select(Id));   // ... and the process dies before the cursor is stored
        var getsBeforeCrash = stub.Requests.Count(r => r.Method == "GET");

        var client = Client(stub);
        SignInPage page;
        do
        {
            page = await client.PullAsync(storedCursor, CancellationToken.None);
            stored.AddRange(page.Events.Select(Id));
            storedCursor = page.Cursor;
        } while (page.More);

        Assert.Equal(["e1", "e2", "e3", "e4", "e5"], stored.Distinct().Order());
        Assert.Equal(["e5", "e4", "e3", "e2", "e3", "e2", "e1"], stored);   // the second page twice, nothing else
        Assert.Equal("p1", Query(stub.Requests.Where(r => r.Method == "GET").ElementAt(getsBeforeCrash))["$skiptoken"]);
        // The newest sign-in, read on the first page before the crash, still starts the next traversal.
        Assert.Equal(DateTimeOffset.Parse("2026-03-01T11:50:00Z", CultureInfo.InvariantCulture), Cursor(storedCursor).GetProperty("since").GetDateTimeOffset());
    }

    [Fact]
    public async Task A_429_with_Retry_After_is_waited_out_then_the_page_is_read()
    {
        var served = 0;
        var graph = new Graph
        {
            Pages = [[SignIn("a", "2026-03-01T11:00:00Z")]],
            Before = context =>
            {
                if (Interlocked.Increment(ref served) > 1) return null;
                context.Response.Headers.RetryAfter = "1";
                return Results.Text("""{"error":{"code":"TooManyRequests","message":"Too many requests."}}""", "application/json", statusCode: 429);
            },
        };
        await using var stub = await graph.StartAsync();

        var watch = Stopwatch.StartNew();
        var page = await Client(stub).PullAsync(null, CancellationToken.None);

        Assert.Equal(["a"], page.Events.Select(Id));
        Assert.Equal(2, stub.Requests.Count(r => r.Method == "GET"));
        Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(900), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_token_Graph_no_longer_takes_is_renewed_once_and_the_call_repeated()
    {
        var graph = new Graph { Pages = [[SignIn("a", "2026-03-01T11:00:00Z")]] };
        await using var stub = await graph.StartAsync();
        var client = Client(stub);
        await client.PullAsync(null, CancellationToken.None);

        graph.Revoke();   // token-1 expires early, as Graph may decide
        var page = await client.PullAsync(null, CancellationToken.None);

        Assert.Equal(["a"], page.Events.Select(Id));
        Assert.Equal(2, graph.TokensIssued);
        Assert.Equal(2, stub.Requests.Count(r => r.Method == "POST"));
        Assert.Equal(["Bearer token-1", "Bearer token-1", "Bearer token-2"], stub.Requests.Where(r => r.Method == "GET").Select(r => r.Headers["Authorization"]));
    }

    [Fact]
    public async Task A_token_is_kept_until_shortly_before_it_expires()
    {
        var graph = new Graph { Pages = [[SignIn("a", "2026-03-01T11:00:00Z")]], ExpiresIn = 3600 };
        await using var stub = await graph.StartAsync();
        var clock = new ManualClock(Now);
        var client = Client(stub, clock);

        await client.PullAsync(null, CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(54));
        await client.PullAsync(null, CancellationToken.None);
        Assert.Equal(1, graph.TokensIssued);

        clock.Advance(TimeSpan.FromMinutes(2));   // 56 minutes: within five minutes of the hour
        await client.PullAsync(null, CancellationToken.None);
        Assert.Equal(2, graph.TokensIssued);
        Assert.Equal("Bearer token-2", stub.Requests.Last().Headers["Authorization"]);
    }

    [Fact]
    public async Task A_wrong_secret_is_refused_with_the_identity_platform_s_reason_and_the_connection_test_says_so()
    {
        const string wrong = "wrong~secret~Pz2";
        var graph = new Graph { Pages = [[SignIn("a", "2026-03-01T11:00:00Z")]] };
        await using var stub = await graph.StartAsync();

        var refused = await Assert.ThrowsAsync<ConnectorException>(() => Client(stub, secret: wrong).PullAsync(null, CancellationToken.None));
        Assert.Equal(401, refused.StatusCode);
        Assert.Contains("401", refused.Message);
        Assert.Contains("invalid_client", refused.Message);
        Assert.Contains("AADSTS7000215: Invalid client secret provided.", refused.Message);
        Assert.DoesNotContain(wrong, refused.Message);
        Assert.DoesNotContain(Secret, refused.Message);

        var failed = await Client(stub, secret: wrong).TestConnectionAsync(CancellationToken.None);
        Assert.False(failed.Ok);
        Assert.Equal(refused.Message, failed.Message);
        Assert.DoesNotContain(stub.Requests, r => r.Method == "GET");

        var passed = await Client(stub).TestConnectionAsync(CancellationToken.None);
        Assert.True(passed.Ok, passed.Message);
        Assert.Equal("/v1.0/auditLogs/signIns?$top=1", stub.Requests.Last().PathAndQuery);
    }

    [Fact]
    public async Task A_missing_permission_is_named_with_Graph_s_error_message()
    {
        var graph = new Graph
        {
            Before = _ => Results.Text("""
                {"error":{"code":"Authorization_RequestDenied","message":"Insufficient privileges to complete the operation.","innerError":{"date":"2026-03-01T12:00:00","request-id":"9c2d-test"}}}
                """, "application/json", statusCode: 403),
        };
        await using var stub = await graph.StartAsync();

        var refused = await Assert.ThrowsAsync<ConnectorException>(() => Client(stub).PullAsync(null, CancellationToken.None));
        Assert.Equal(403, refused.StatusCode);
        Assert.Contains("403", refused.Message);
        Assert.Contains("Authorization_RequestDenied: Insufficient privileges to complete the operation.", refused.Message);
        var test = await Client(stub).TestConnectionAsync(CancellationToken.None);
        Assert.False(test.Ok);
        Assert.Equal(refused.Message, test.Message);
    }

    [Fact]
    public async Task A_nextLink_to_another_host_is_refused_and_never_followed()
    {
        await using var elsewhere = await LoopbackStub.StartAsync(app => app.MapGet("/{**path}", () => Results.Text("""{"value":[]}""", "application/json")));
        var graph = new Graph
        {
            Before = _ => Results.Text($$"""{"value":[],"@odata.nextLink":"{{elsewhere.BaseUrl}}v1.0/auditLogs/signIns?$skiptoken=p1"}""", "application/json"),
        };
        await using var stub = await graph.StartAsync();

        var refused = await Assert.ThrowsAsync<ConnectorException>(() => Client(stub).PullAsync(null, CancellationToken.None));
        Assert.Contains(elsewhere.BaseUrl.Authority, refused.Message);
        Assert.Contains("refused", refused.Message);

        var cursor = JsonSerializer.Serialize(new { since = Now, next = $"{elsewhere.BaseUrl}v1.0/auditLogs/signIns?$skiptoken=p1" });
        var stored = await Assert.ThrowsAsync<ConnectorException>(() => Client(stub).PullAsync(cursor, CancellationToken.None));
        Assert.Contains("refused", stored.Message);
        Assert.Empty(elsewhere.Requests);
        Assert.Single(stub.Requests, r => r.Method == "GET");
    }
}
