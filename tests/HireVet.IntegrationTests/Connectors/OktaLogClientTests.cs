using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using HireVet.Application.Connectors;
using HireVet.Application.Ingestion.Formats;
using HireVet.Infrastructure.Connectors.Okta;
using HireVet.IntegrationTests.Notices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace HireVet.IntegrationTests.Connectors;

/// <summary>The Okta System Log client against Okta played by a loopback stub: the published LogEvents served over
/// next links, the polling model's empty page, a resume after a crash, Okta's rate-limit headers, its errors and a next
/// link to another host.</summary>
public sealed class OktaLogClientTests
{
    private const string Token = "00okta-test-token-Qw3rty";
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    private static OktaLogClient Client(LoopbackStub stub, string token = Token, TimeProvider? clock = null) =>
        new(Http, clock ?? new ManualClock(Now), new OktaLogOptions { OrgUrl = stub.BaseUrl, ApiToken = token });

    /// <summary>Okta's /api/v1/logs serving <paramref name="pages"/> (raw LogEvent JSON) as a polling request does:
    /// the page after <c>after=N</c> is page N, every response links to the next page, and an empty page (past the
    /// last) links to itself. <paramref name="before"/> may answer instead (a 429, a 401).</summary>
    private static Task<LoopbackStub> OktaAsync(IReadOnlyList<string[]> pages, Func<HttpContext, IResult?>? before = null) =>
        LoopbackStub.StartAsync(app => app.MapGet("/api/v1/logs", (HttpContext context) =>
        {
            if (before?.Invoke(context) is { } answer) return answer;
            var after = context.Request.Query["after"].ToString();
            var page = after.Length == 0 ? 0 : int.Parse(after, CultureInfo.InvariantCulture);
            var events = page < pages.Count ? pages[page] : [];
            var org = $"{context.Request.Scheme}://{context.Request.Host}";
            context.Response.Headers.Append("Link", $"<{org}{context.Request.Path}{context.Request.QueryString}>; rel=\"self\"");
            context.Response.Headers.Append("Link",
                $"<{org}/api/v1/logs?limit=1000&sortOrder=ASCENDING&since=2026-02-28T12%3A00%3A00.000Z&after={(events.Length == 0 ? page : page + 1)}>; rel=\"next\"");
            return Results.Text("[" + string.Join(",", events) + "]", "application/json");
        }));

    private static string[][] PublishedInPagesOf3()
    {
        var events = PublishedSamples.OktaLogEvents();
        Assert.Equal(7, events.Length);
        return [.. events.Chunk(3)];
    }

    private static string Uuid(JsonElement e) => e.GetProperty("uuid").GetString()!;

    [Fact]
    public async Task Reads_the_published_events_page_by_page_until_an_empty_page_that_leaves_the_cursor_as_it_was()
    {
        var pages = PublishedInPagesOf3();
        await using var okta = await OktaAsync(pages);
        var client = Client(okta);

        var read = new List<JsonElement>();
        var cursors = new List<string>();
        string? cursor = null;
        SignInPage page;
        do
        {
            page = await client.PullAsync(cursor, CancellationToken.None);
            read.AddRange(page.Events);
            cursors.Add(cursor = page.Cursor);
        } while (page.More);

        // Three pages of events, then the empty page: caught up, and the cursor still the link it was asked with.
        Assert.Equal(4, cursors.Count);
        Assert.Equal(cursors[2], cursors[3]);
        Assert.Equal(pages.SelectMany(p => p).Select(l => Uuid(JsonDocument.Parse(l).RootElement)), read.Select(Uuid));
        // The events outlive their responses, and each is read by the upload's parser as a sign-in or skipped, never refused.
        Assert.All(read, e => Assert.Null(OktaSystemLog.Parse(e).Errors));

        var again = await client.PullAsync(cursor, CancellationToken.None);
        Assert.Empty(again.Events);
        Assert.False(again.More);
        Assert.Equal(cursor, again.Cursor);

        var requests = okta.Requests.ToArray();
        var first = QueryHelpers.ParseQuery(new Uri("http://x" + requests[0].PathAndQuery).Query);
        Assert.Equal("/api/v1/logs", requests[0].PathAndQuery.Split('?')[0]);
        Assert.Equal("2026-02-28T12:00:00.000Z", first["since"].ToString());
        Assert.Equal("ASCENDING", first["sortOrder"].ToString());
        Assert.Equal("1000", first["limit"].ToString());
        Assert.Equal(OktaLogOptions.SignInFilter, first["filter"].ToString());
        Assert.All(requests, r =>
        {
            Assert.Equal("SSWS " + Token, r.Headers["Authorization"]);
            Assert.Equal("application/json", r.Headers["Accept"]);
        });
        // After the first request, each one is the previous response's next link.
        Assert.Equal(cursors.Take(4).Select(c => new Uri(c).PathAndQuery), requests.Skip(1).Select(r => r.PathAndQuery));
    }

    [Fact]
    public async Task After_a_crash_between_storing_a_page_and_its_cursor_the_stored_cursor_reads_that_page_again_and_no_more()
    {
        var pages = PublishedInPagesOf3();
        await using var okta = await OktaAsync(pages);
        var stored = new List<string>();
        string? storedCursor = null;

        // The job: pull, store the events, then store the cursor. The second page's events are stored, then it dies.
        var first = await Client(okta).PullAsync(storedCursor, CancellationToken.None);
        stored.AddRange(first.Events.Select(Uuid));
        storedCursor = first.Cursor;
        var second = await Client(okta).PullAsync(storedCursor, CancellationToken.None);
        stored.AddRange(second.Events.Select(Uuid));
        var requestsBeforeCrash = okta.Requests.Count;

        // A new process resumes from what was stored.
        var client = Client(okta);
        SignInPage page;
        do
        {
            page = await client.PullAsync(storedCursor, CancellationToken.None);
            stored.AddRange(page.Events.Select(Uuid));
            storedCursor = page.Cursor;
        } while (page.More);

        var all = pages.SelectMany(p => p).Select(l => Uuid(JsonDocument.Parse(l).RootElement)).ToArray();
        Assert.Equal(all.Order(), stored.Distinct().Order());
        Assert.Equal(all.Length + pages[1].Length, stored.Count);   // the second page twice, nothing else
        Assert.Equal(new Uri(first.Cursor).PathAndQuery, okta.Requests.ElementAt(requestsBeforeCrash).PathAndQuery);
    }

    [Fact]
    public async Task A_429_is_waited_out_until_X_Rate_Limit_Reset_then_the_page_is_read()
    {
        var served = 0;
        await using var okta = await OktaAsync(PublishedInPagesOf3(), context =>
            Interlocked.Increment(ref served) == 1 ? TooManyRequests(context, DateTimeOffset.UtcNow) : null);

        // On the system clock: the reset is a time of day, Okta's.
        var watch = Stopwatch.StartNew();
        var page = await Client(okta, clock: TimeProvider.System).PullAsync(null, CancellationToken.None);

        Assert.Equal(3, page.Events.Count);
        Assert.Equal(2, okta.Requests.Count);
        Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(900), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task X_Rate_Limit_Reset_is_read_on_Okta_s_clock_from_its_Date_header_not_on_ours()
    {
        // Okta's clock an hour behind ours: its reset, one second after its Date, is long past on our clock. Measured
        // from the Date header the wait is still one second (read against our clock it was none, and the retries went
        // out at once into the same limit).
        var served = 0;
        await using var okta = await OktaAsync(PublishedInPagesOf3(), context =>
            Interlocked.Increment(ref served) == 1 ? TooManyRequests(context, DateTimeOffset.UtcNow.AddHours(-1)) : null);

        // On the system clock: the reset is a time of day, Okta's.
        var watch = Stopwatch.StartNew();
        var page = await Client(okta, clock: TimeProvider.System).PullAsync(null, CancellationToken.None);

        Assert.Equal(3, page.Events.Count);
        Assert.Equal(2, okta.Requests.Count);
        Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(900), TimeSpan.FromSeconds(10));
    }

    /// <summary>Okta's 429: its rate-limit headers (the reset in Unix seconds, one second after the Date header it
    /// sends) and its error body.</summary>
    private static IResult TooManyRequests(HttpContext context, DateTimeOffset oktaNow)
    {
        var date = DateTimeOffset.FromUnixTimeSeconds(oktaNow.ToUnixTimeSeconds());
        context.Response.Headers.Date = date.ToString("R", CultureInfo.InvariantCulture);
        context.Response.Headers["X-Rate-Limit-Limit"] = "120";
        context.Response.Headers["X-Rate-Limit-Remaining"] = "0";
        context.Response.Headers["X-Rate-Limit-Reset"] = (date.ToUnixTimeSeconds() + 1).ToString(CultureInfo.InvariantCulture);
        return Results.Text("""
            {"errorCode":"E0000047","errorSummary":"API call exceeded rate limit due to too many requests.","errorLink":"E0000047","errorId":"oaeTestRateLimit","errorCauses":[]}
            """, "application/json", statusCode: 429);
    }

    [Fact]
    public async Task A_wrong_token_is_refused_naming_the_status_and_Okta_s_error_summary_and_the_connection_test_says_so()
    {
        const string wrong = "00wrong-token-Zx9";
        await using var okta = await OktaAsync([], context => context.Request.Headers.Authorization == "SSWS " + Token ? null : Results.Text("""
            {"errorCode":"E0000011","errorSummary":"Invalid token provided","errorLink":"E0000011","errorId":"oaeTestInvalidToken","errorCauses":[]}
            """, "application/json", statusCode: 401));

        var refused = await Assert.ThrowsAsync<ConnectorException>(() => Client(okta, wrong).PullAsync(null, CancellationToken.None));
        Assert.Equal(401, refused.StatusCode);
        Assert.Contains("401", refused.Message);
        Assert.Contains("Invalid token provided", refused.Message);
        Assert.Contains("E0000011", refused.Message);
        Assert.DoesNotContain(wrong, refused.Message);

        var failed = await Client(okta, wrong).TestConnectionAsync(CancellationToken.None);
        Assert.False(failed.Ok);
        Assert.Equal(refused.Message, failed.Message);

        var passed = await Client(okta).TestConnectionAsync(CancellationToken.None);
        Assert.True(passed.Ok, passed.Message);
        Assert.Equal("/api/v1/logs?limit=1", okta.Requests.Last().PathAndQuery);
        Assert.Equal("SSWS " + Token, okta.Requests.Last().Headers["Authorization"]);

        // An org that does not answer at all.
        var gone = await LoopbackStub.StartAsync(_ => { });
        await gone.DisposeAsync();
        var unreachable = await Client(gone).TestConnectionAsync(CancellationToken.None);
        Assert.False(unreachable.Ok);
        Assert.Contains("could not be reached", unreachable.Message);
    }

    [Fact]
    public async Task A_next_link_to_another_host_is_refused_and_never_followed()
    {
        await using var elsewhere = await LoopbackStub.StartAsync(app => app.MapGet("/{**path}", () => Results.Text("[]", "application/json")));
        await using var okta = await LoopbackStub.StartAsync(app => app.MapGet("/api/v1/logs", (HttpContext context) =>
        {
            context.Response.Headers.Append("Link", $"<{elsewhere.BaseUrl}api/v1/logs?after=1>; rel=\"next\"");
            return Results.Text("[" + PublishedSamples.OktaLogEvents()[0] + "]", "application/json");
        }));

        var refused = await Assert.ThrowsAsync<ConnectorException>(() => Client(okta).PullAsync(null, CancellationToken.None));
        Assert.Contains(elsewhere.BaseUrl.Authority, refused.Message);
        Assert.Contains("refused", refused.Message);

        // A stored cursor that leads elsewhere (the org's address changed, or the row was edited) is refused unsent.
        var stored = await Assert.ThrowsAsync<ConnectorException>(() => Client(okta).PullAsync($"{elsewhere.BaseUrl}api/v1/logs?after=1", CancellationToken.None));
        Assert.Contains("refused", stored.Message);
        Assert.Empty(elsewhere.Requests);
        Assert.Single(okta.Requests);
    }
}
