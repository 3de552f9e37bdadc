using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using HireVet.Infrastructure.Connectors;
using HireVet.Infrastructure.Connectors.Greenhouse;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace HireVet.IntegrationTests.Connectors;

/// <summary>The Harvest client against Greenhouse played by Kestrel on loopback: Basic authentication with the API
/// token as user name, Link paging, a 429 waited out, a candidate gone, a note's body and On-Behalf-Of header, and the
/// connection test.</summary>
public sealed class HarvestClientTests
{
    private const string Key = "0d031d8227eafa61dc375a6c2e067e24";

    private static readonly string ExpectedAuthorization = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(Key + ":"));

    private static bool Authorized(HttpContext c) => c.Request.Headers.Authorization == ExpectedAuthorization;

    private static HarvestClient Client(LoopbackStub stub, string key = Key) =>
        new(new VendorHttp(new HttpClient(), TimeProvider.System), stub.BaseUrl, key);

    private static IResult Unauthorized() => Results.Json(new { message = "Invalid Basic Auth credentials" }, statusCode: 401);

    [Fact]
    public async Task Fetches_a_candidate_with_the_api_token_as_basic_user_name_and_an_empty_password()
    {
        await using var stub = await LoopbackStub.StartAsync(app => app.MapGet("/v1/candidates/{id:long}", (HttpContext c, long id) =>
            Authorized(c) ? Results.Json(new { id, first_name = "John", last_name = "Locke" }) : Unauthorized()));

        var candidate = await Client(stub).GetCandidateAsync(53883394, CancellationToken.None);

        Assert.Equal(53883394, candidate!.Value.GetProperty("id").GetInt64());
        Assert.Equal("John", candidate.Value.GetProperty("first_name").GetString());
        var request = Assert.Single(stub.Requests);
        Assert.Equal(("GET", "/v1/candidates/53883394"), (request.Method, request.PathAndQuery));
        // "Basic base64(token:)", exactly as Greenhouse documents it (MGQwMzFk...NmMyZTA2N2UyNDo= for this token).
        Assert.Equal("Basic MGQwMzFkODIyN2VhZmE2MWRjMzc1YTZjMmUwNjdlMjQ6", request.Headers["Authorization"]);
    }

    [Fact]
    public async Task A_candidate_Greenhouse_answers_404_for_is_gone()
    {
        await using var stub = await LoopbackStub.StartAsync(app => app.MapGet("/v1/candidates/{id:long}", () =>
            Results.Json(new { message = "Resource not found" }, statusCode: 404)));

        Assert.Null(await Client(stub).GetCandidateAsync(1, CancellationToken.None));
    }

    [Fact]
    public async Task Applications_are_read_across_every_page_of_the_Link_header()
    {
        await using var stub = await LoopbackStub.StartAsync(app => app.MapGet("/v1/applications", (HttpContext c) =>
        {
            if (!Authorized(c)) return Unauthorized();
            var page = int.Parse(c.Request.Query["page"].FirstOrDefault() ?? "1");
            var self = $"{c.Request.Scheme}://{c.Request.Host}/v1/applications?candidate_id=57683957&per_page=500";
            int[] ids = page switch { 1 => [69306314, 69306509], 2 => [69306510], _ => [69306511] };
            var links = new List<string>();
            if (page < 3) links.Add($"<{self}&page={page + 1}>; rel=\"next\"");
            if (page > 1) links.Add($"<{self}&page={page - 1}>; rel=\"prev\"");
            links.Add($"<{self}&page=3>; rel=\"last\"");
            c.Response.Headers["Link"] = string.Join(",", links);
            return Results.Json(ids.Select(id => new { id, candidate_id = 57683957 }));
        }));

        var applications = await Client(stub).ListApplicationsAsync(57683957, CancellationToken.None);

        Assert.Equal([69306314L, 69306509L, 69306510L, 69306511L], applications.Select(a => a.GetProperty("id").GetInt64()));
        Assert.Equal(
            ["/v1/applications?candidate_id=57683957&per_page=500", "/v1/applications?candidate_id=57683957&per_page=500&page=2",
             "/v1/applications?candidate_id=57683957&per_page=500&page=3"],
            stub.Requests.Select(r => r.PathAndQuery));
        Assert.All(stub.Requests, r => Assert.Equal(ExpectedAuthorization, r.Headers["Authorization"]));
    }

    [Fact]
    public async Task A_next_link_to_another_host_is_not_followed_with_the_token()
    {
        await using var stub = await LoopbackStub.StartAsync(app => app.MapGet("/v1/applications", (HttpContext c) =>
        {
            c.Response.Headers["Link"] = "<http://127.0.0.2:9/v1/applications?page=2>; rel=\"next\"";
            return Results.Json(new[] { new { id = 1 } });
        }));

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => Client(stub).ListApplicationsAsync(7, CancellationToken.None));
        Assert.Contains("127.0.0.2:9", refused.Message);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task A_429_with_Retry_After_is_waited_out_and_the_call_made_again()
    {
        var calls = 0;
        await using var stub = await LoopbackStub.StartAsync(app => app.MapGet("/v1/candidates/{id:long}", (HttpContext c, long id) =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                c.Response.Headers.RetryAfter = "1";
                return Results.Json(new { message = "Rate limit exceeded" }, statusCode: 429);
            }
            return Results.Json(new { id });
        }));

        var clock = Stopwatch.StartNew();
        var candidate = await Client(stub).GetCandidateAsync(5, CancellationToken.None);

        Assert.Equal(5, candidate!.Value.GetProperty("id").GetInt64());
        Assert.Equal(2, stub.Requests.Count);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(900), $"retried after {clock.Elapsed}");
    }

    [Fact]
    public async Task A_note_is_posted_on_behalf_of_a_user_and_visible_to_admins_only()
    {
        await using var stub = await LoopbackStub.StartAsync(app => app.MapPost("/v1/candidates/{id:long}/activity_feed/notes", (HttpContext c) =>
            Authorized(c) && c.Request.Headers["On-Behalf-Of"] == "158108"
                ? Results.Json(new { id = 226809052, body = "x", visibility = "admin_only" }, statusCode: 201)
                : Results.Json(new { message = "Missing or invalid On-Behalf-Of" }, statusCode: 403)));

        var note = await Client(stub).AddNoteAsync(53883394, 158108, "HireVet: medium risk, review PAY-04 before hire.", CancellationToken.None);

        Assert.Equal(226809052, note.GetProperty("id").GetInt64());
        var request = Assert.Single(stub.Requests);
        Assert.Equal(("POST", "/v1/candidates/53883394/activity_feed/notes"), (request.Method, request.PathAndQuery));
        Assert.Equal("158108", request.Headers["On-Behalf-Of"]);
        Assert.StartsWith("application/json", request.Headers["Content-Type"]);
        var body = JsonDocument.Parse(request.Body).RootElement;
        Assert.Equal(158108, body.GetProperty("user_id").GetInt64());
        Assert.Equal("HireVet: medium risk, review PAY-04 before hire.", body.GetProperty("body").GetString());
        Assert.Equal("admin_only", body.GetProperty("visibility").GetString());
        Assert.Equal(3, body.EnumerateObject().Count());
    }

    [Fact]
    public async Task An_error_status_names_the_status_and_Greenhouse_message_never_the_token()
    {
        await using var stub = await LoopbackStub.StartAsync(app =>
        {
            app.MapPost("/v1/candidates/{id:long}/activity_feed/notes", () => Results.Json(
                new { errors = new[] { new { message = "Must be one of: admin_only, private, public", field = "visibility" } } }, statusCode: 422));
            // A server that echoes the credentials it was sent.
            app.MapGet("/v1/candidates/{id:long}", (HttpContext c) => Results.Json(
                new { message = $"Upstream failure for {c.Request.Headers.Authorization} (key {Key})" }, statusCode: 500));
        });

        var invalid = await Assert.ThrowsAsync<VendorApiException>(() => Client(stub).AddNoteAsync(1, 2, "note", CancellationToken.None));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
        Assert.Equal("Greenhouse answered 422 UnprocessableEntity to POST /v1/candidates/1/activity_feed/notes: visibility: Must be one of: admin_only, private, public",
            invalid.Message);

        var failed = await Assert.ThrowsAsync<VendorApiException>(() => Client(stub).GetCandidateAsync(1, CancellationToken.None));
        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Contains("Upstream failure", failed.Message);
        Assert.DoesNotContain(Key, failed.Message);
        Assert.DoesNotContain(ExpectedAuthorization["Basic ".Length..], failed.Message);
    }

    [Fact]
    public async Task The_connection_test_says_whether_the_token_works_and_why_not()
    {
        await using var stub = await LoopbackStub.StartAsync(app => app.MapGet("/v1/users", (HttpContext c) =>
            Authorized(c) ? Results.Json(new[] { new { id = 92120, name = "Greenhouse Admin" } }) : Unauthorized()));

        var ok = await Client(stub).TestConnectionAsync(CancellationToken.None);
        Assert.True(ok.Ok, ok.Message);
        Assert.Equal("/v1/users?per_page=1", stub.Requests.Last().PathAndQuery);

        var refused = await Client(stub, "revoked-token-123").TestConnectionAsync(CancellationToken.None);
        Assert.False(refused.Ok);
        Assert.Contains("401", refused.Message);
        Assert.Contains("Invalid Basic Auth credentials", refused.Message);
        Assert.DoesNotContain("revoked-token-123", refused.Message);

        var gone = await LoopbackStub.StartAsync(_ => { });
        var closed = gone.BaseUrl;
        await gone.DisposeAsync();
        var unreachable = await new HarvestClient(new VendorHttp(new HttpClient(), TimeProvider.System), closed, Key).TestConnectionAsync(CancellationToken.None);
        Assert.False(unreachable.Ok);
        Assert.StartsWith("Could not reach Greenhouse", unreachable.Message);
    }
}
