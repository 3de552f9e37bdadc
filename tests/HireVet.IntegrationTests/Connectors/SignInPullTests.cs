using System.Globalization;
using System.Text.Json;
using HireVet.Application.Common.Security;
using HireVet.Application.Connectors;
using HireVet.Application.Ingestion.Formats;
using HireVet.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace HireVet.IntegrationTests.Connectors;

/// <summary>Scheduled pulls end to end: connectors added as an admin adds them, Okta and Microsoft Graph played by
/// loopback stubs serving the published records, every page stored with its cursor, a second pull storing nothing new,
/// a vendor's refusal recorded on the connector without its secret, and one pull per connector at a time.</summary>
[Collection("db")]
public sealed class SignInPullTests(DatabaseFixture db) : IAsyncLifetime
{
    private const string OktaToken = "00okta-pull-token-Zx9";
    private const string GraphSecret = "graph-client-secret-Kq2";

    public Task InitializeAsync() => db.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private PullSignIns Pull => db.Factory.Services.GetRequiredService<PullSignIns>();

    private Task<AddConnector.Response> AddAsync(string kind, Dictionary<string, string?> settings, Dictionary<string, string?> secrets) =>
        db.SendAsync(new AddConnector.Command { Kind = kind, Name = kind, Settings = settings, Secrets = secrets }, "ada", Roles.Admin);

    /// <summary>Okta's logs API over the published events, three to a page, answering 429 once (Okta's headers) and
    /// refusing a wrong token as Okta does.</summary>
    private static Task<LoopbackStub> OktaAsync(string[][] pages)
    {
        var limited = 0;
        return LoopbackStub.StartAsync(app => app.MapGet("/api/v1/logs", (HttpContext context) =>
        {
            if (context.Request.Headers.Authorization != $"SSWS {OktaToken}")
                return Results.Text("""{"errorCode":"E0000011","errorSummary":"Invalid token provided"}""", "application/json", statusCode: 401);
            if (Interlocked.Increment(ref limited) == 2)
            {
                context.Response.Headers["X-Rate-Limit-Remaining"] = "0";
                context.Response.Headers["X-Rate-Limit-Reset"] = DateTimeOffset.UtcNow.AddSeconds(1).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
                return Results.Text("""{"errorCode":"E0000047","errorSummary":"API call exceeded rate limit due to too many requests."}""", "application/json", statusCode: 429);
            }
            var after = context.Request.Query["after"].ToString();
            var page = after.Length == 0 ? 0 : int.Parse(after, CultureInfo.InvariantCulture);
            var events = page < pages.Length ? pages[page] : [];
            context.Response.Headers.Append("Link",
                $"<{context.Request.Scheme}://{context.Request.Host}/api/v1/logs?limit=1000&sortOrder=ASCENDING&after={(events.Length == 0 ? page : page + 1)}>; rel=\"next\"");
            return Results.Text("[" + string.Join(",", events) + "]", "application/json");
        }));
    }

    [Fact]
    public async Task An_Okta_pull_stores_every_page_with_its_cursor_and_the_next_pull_stores_nothing_new()
    {
        var published = PublishedSamples.OktaLogEvents();
        var signIns = published.Select(e => OktaSystemLog.Parse(JsonDocument.Parse(e).RootElement)).Where(p => p.Event is not null)
            .Select(p => p.Event!.Event.EventId).Order(StringComparer.Ordinal).ToArray();
        await using var okta = await OktaAsync([.. published.Chunk(3)]);
        var connector = await AddAsync("okta", new() { ["orgUrl"] = okta.BaseUrl.ToString().TrimEnd('/') }, new() { ["apiToken"] = OktaToken });

        var first = await Pull.RunAsync(connector.Id, CancellationToken.None);
        Assert.Null(first.Error);
        Assert.Equal((4, published.Length), (first.Pages, first.Received)); // three pages, then the empty one: caught up
        Assert.Equal(signIns, await db.QueryAsync<string>("select event_id from sign_in_events where source = 'okta' order by event_id"));
        var cursor = await db.QuerySingleAsync<string>("select cursor from connectors where id = @Id", new { connector.Id });
        Assert.EndsWith("after=3", cursor);

        var second = await Pull.RunAsync(connector.Id, CancellationToken.None);
        Assert.Equal((1, 0), (second.Pages, second.Received));
        Assert.Equal(signIns.Length, await db.QuerySingleAsync<int>("select count(*)::int from sign_in_events"));
        Assert.Null(await db.QuerySingleAsync<DateTimeOffset?>("select pull_lease_until from connectors where id = @Id", new { connector.Id }));
        var log = await db.SendAsync(new GetConnectorLog.Query(connector.Id));
        Assert.Equal(3, log.Count(e => e.Activity == "pull")); // a page of events each; being caught up is not logged
        Assert.NotNull((await db.SendAsync(new ListConnectors.Query())).Single().LastSyncAt);
        Assert.Equal((long)signIns.Length, (await db.SendAsync(new ListConnectors.Query())).Single().Accepted);
    }

    [Fact]
    public async Task Pages_sharing_an_event_are_stored_one_after_the_other_and_the_event_once()
    {
        // Two pages are stored at once; a sign-in on both would have each page's insert wait on the other.
        var signIns = PublishedSamples.OktaLogEvents().Where(e => OktaSystemLog.Parse(JsonDocument.Parse(e).RootElement).Event is not null).ToArray();
        Assert.True(signIns.Length >= 3);
        await using var okta = await OktaAsync([[signIns[0], signIns[1]], [signIns[1], signIns[2]], [signIns[2]]]);
        var connector = await AddAsync("okta", new() { ["orgUrl"] = okta.BaseUrl.ToString().TrimEnd('/') }, new() { ["apiToken"] = OktaToken });

        var pulled = await Pull.RunAsync(connector.Id, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Null(pulled.Error);
        Assert.Equal((5, 3), (pulled.Received, pulled.Accepted));
        Assert.Equal(3, await db.QuerySingleAsync<int>("select count(*)::int from sign_in_events"));
        Assert.EndsWith("after=3", await db.QuerySingleAsync<string>("select cursor from connectors where id = @Id", new { connector.Id }));
    }

    [Fact]
    public async Task A_refused_pull_is_recorded_on_the_connector_without_its_secret_and_a_held_lease_skips_the_pull()
    {
        await using var okta = await OktaAsync([]);
        var connector = await AddAsync("okta", new() { ["orgUrl"] = okta.BaseUrl.ToString().TrimEnd('/') }, new() { ["apiToken"] = "00wrong-token-Lk5" });

        var refused = await Pull.RunAsync(connector.Id, CancellationToken.None);
        Assert.Contains("401", refused.Error);
        var summary = (await db.SendAsync(new ListConnectors.Query())).Single();
        Assert.Equal("failing", summary.Health);
        Assert.Contains("Invalid token provided", summary.LastError);
        Assert.DoesNotContain("00wrong-token-Lk5", summary.LastError);
        Assert.Null(summary.Cursor);

        await db.ExecuteAsync("update connectors set pull_lease_until = now() + interval '1 minute' where id = @Id", new { connector.Id });
        var skipped = await Pull.RunAsync(connector.Id, CancellationToken.None);
        Assert.False(skipped.Ran);
        await db.ExecuteAsync("update connectors set pull_lease_until = null, status = 'paused' where id = @Id", new { connector.Id });
        Assert.False((await Pull.RunAsync(connector.Id, CancellationToken.None)).Ran);
    }

    [Fact]
    public async Task A_Graph_pull_gets_a_token_then_stores_the_published_sign_ins_over_nextLinks()
    {
        var published = PublishedSamples.GraphSignIns(out _, out _).Select(e => e.GetRawText()).ToArray();
        var expected = published.Select(e => EntraSignInLog.Parse(JsonDocument.Parse(e).RootElement)).Where(p => p.Event is not null)
            .Select(p => p.Event!.Event.EventId).Distinct().Order(StringComparer.Ordinal).ToArray();
        Assert.NotEmpty(expected);
        var pages = published.Chunk(2).ToArray();
        await using var graph = await LoopbackStub.StartAsync(app =>
        {
            app.MapPost("/{tenant}/oauth2/v2.0/token", async (string tenant, HttpContext context) =>
            {
                var form = await context.Request.ReadFormAsync();
                if (tenant != "contoso" || form["client_secret"] != GraphSecret) return Results.Json(new { error = "invalid_client" }, statusCode: 401);
                return Results.Json(new Dictionary<string, object> { ["token_type"] = "Bearer", ["expires_in"] = 3599, ["access_token"] = "graph-access-token" });
            });
            app.MapGet("/v1.0/auditLogs/signIns", (HttpContext context) =>
            {
                if (context.Request.Headers.Authorization != "Bearer graph-access-token") return Results.StatusCode(401);
                var skip = context.Request.Query["$skiptoken"].ToString();
                var page = skip.Length == 0 ? 0 : int.Parse(skip[1..], CultureInfo.InvariantCulture);
                var next = page + 1 < pages.Length
                    ? ",\"@odata.nextLink\":" + JsonSerializer.Serialize($"{context.Request.Scheme}://{context.Request.Host}/v1.0/auditLogs/signIns?$skiptoken=p{page + 1}")
                    : "";
                return Results.Text($"{{\"value\":[{string.Join(",", page < pages.Length ? pages[page] : [])}]{next}}}", "application/json");
            });
        });
        var url = graph.BaseUrl.ToString().TrimEnd('/');
        var connector = await AddAsync("entra", new() { ["tenantId"] = "contoso", ["clientId"] = "app-1", ["authorityUrl"] = url, ["graphUrl"] = url },
            new() { ["clientSecret"] = GraphSecret });

        var tested = await db.SendAsync(new TestConnector.Command(connector.Id), "ada", Roles.Admin);
        Assert.True(tested.Ok, tested.Problem);
        var pulled = await Pull.RunAsync(connector.Id, CancellationToken.None);
        Assert.Null(pulled.Error);
        Assert.Equal((pages.Length, published.Length), (pulled.Pages, pulled.Received));
        Assert.Equal(expected, await db.QueryAsync<string>("select event_id from sign_in_events where source = 'entra' order by event_id"));
        Assert.StartsWith("{\"since\":", await db.QuerySingleAsync<string>("select cursor from connectors where id = @Id", new { connector.Id }));
    }
}
