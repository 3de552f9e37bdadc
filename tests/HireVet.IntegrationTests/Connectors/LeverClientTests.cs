using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using HireVet.Infrastructure.Connectors;
using HireVet.Infrastructure.Connectors.Lever;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace HireVet.IntegrationTests.Connectors;

/// <summary>The Lever client against Lever played by Kestrel on loopback: Basic authentication with the API key as
/// user name, the <c>data</c> envelope, <c>hasNext</c>/<c>next</c> paging by <c>offset</c>, a 429 waited out, an
/// opportunity gone, a note posted with <c>perform_as</c>, and the connection test.</summary>
public sealed class LeverClientTests
{
    private const string Key = "lever-key-Yx7Qm2";
    private const string Opportunity = "250d8f03-738a-4bba-a671-8a3d73477145";

    private static readonly string ExpectedAuthorization = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(Key + ":"));

    private static bool Authorized(HttpContext c) => c.Request.Headers.Authorization == ExpectedAuthorization;

    private static LeverClient Client(LoopbackStub stub, string key = Key) =>
        new(new VendorHttp(new HttpClient(), TimeProvider.System), stub.BaseUrl, key);

    private static IResult Unauthorized() => Results.Json(new { code = "UnauthorizedError", message = "Invalid API key" }, statusCode: 401);

    [Fact]
    public async Task Fetches_an_opportunity_out_of_its_data_envelope_with_the_key_as_basic_user_name()
    {
        await using var stub = await LoopbackStub.StartAsync(app => app.MapGet("/v1/opportunities/{id}", (HttpContext c, string id) =>
            Authorized(c)
                ? Results.Json(new { data = new { id, name = "Jane Doe", contact = "7f23e772", emails = new[] { "jane.doe@example.com" }, createdAt = 1732268609589 } })
                : Unauthorized()));

        var opportunity = await Client(stub).GetOpportunityAsync(Opportunity, CancellationToken.None);

        Assert.Equal(Opportunity, opportunity!.Value.GetProperty("id").GetString());
        Assert.Equal("7f23e772", opportunity.Value.GetProperty("contact").GetString());
        var request = Assert.Single(stub.Requests);
        Assert.Equal(("GET", $"/v1/opportunities/{Opportunity}"), (request.Method, request.PathAndQuery));
        Assert.Equal(ExpectedAuthorization, request.Headers["Authorization"]);
    }

    [Fact]
    public async Task An_opportunity_Lever_answers_404_for_is_gone()
    {
        await using var stub = await LoopbackStub.StartAsync(app => app.MapGet("/v1/opportunities/{id}", () =>
            Results.Json(new { code = "ResourceNotFound", message = "Opportunity not found" }, statusCode: 404)));

        Assert.Null(await Client(stub).GetOpportunityAsync("gone", CancellationToken.None));
    }

    [Fact]
    public async Task Resumes_are_read_across_every_page_by_offset()
    {
        await using var stub = await LoopbackStub.StartAsync(app => app.MapGet("/v1/opportunities/{id}/resumes", (HttpContext c) =>
        {
            if (!Authorized(c)) return Unauthorized();
            return (c.Request.Query["offset"].FirstOrDefault()) switch
            {
                null => Results.Json(new { data = new[] { new { id = "r1" }, new { id = "r2" } }, hasNext = true, next = "%5B1425317185000%2C%22r2%22%5D" }),
                "%5B1425317185000%2C%22r2%22%5D" => Results.Json(new { data = new[] { new { id = "r3" } }, hasNext = true, next = "c3" }),
                "c3" => Results.Json(new { data = new[] { new { id = "r4" } }, hasNext = false }),
                var other => Results.Json(new { code = "BadRequestError", message = $"bad offset {other}" }, statusCode: 400),
            };
        }));

        var resumes = await Client(stub).ListResumesAsync(Opportunity, CancellationToken.None);

        Assert.Equal(["r1", "r2", "r3", "r4"], resumes.Select(r => r.GetProperty("id").GetString()));
        Assert.Equal(
            [$"/v1/opportunities/{Opportunity}/resumes?limit=100", $"/v1/opportunities/{Opportunity}/resumes?limit=100&offset=%255B1425317185000%252C%2522r2%2522%255D",
             $"/v1/opportunities/{Opportunity}/resumes?limit=100&offset=c3"],
            stub.Requests.Select(r => r.PathAndQuery));
        Assert.All(stub.Requests, r => Assert.Equal(ExpectedAuthorization, r.Headers["Authorization"]));
    }

    [Fact]
    public async Task A_cursor_Lever_repeats_ends_the_paging_with_an_error_instead_of_a_loop()
    {
        await using var stub = await LoopbackStub.StartAsync(app => app.MapGet("/v1/opportunities/{id}/resumes", () =>
            Results.Json(new { data = new[] { new { id = "r1" } }, hasNext = true, next = "same" })));

        var loop = await Assert.ThrowsAsync<InvalidOperationException>(() => Client(stub).ListResumesAsync(Opportunity, CancellationToken.None));
        Assert.Contains("'same'", loop.Message);
        Assert.Equal(2, stub.Requests.Count);
    }

    [Fact]
    public async Task A_429_with_Retry_After_is_waited_out_and_the_call_made_again()
    {
        var calls = 0;
        await using var stub = await LoopbackStub.StartAsync(app => app.MapGet("/v1/opportunities/{id}", (HttpContext c, string id) =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                c.Response.Headers.RetryAfter = "1";
                return Results.Json(new { code = "TooManyRequests", message = "Rate limit exceeded" }, statusCode: 429);
            }
            return Results.Json(new { data = new { id } });
        }));

        var clock = Stopwatch.StartNew();
        var opportunity = await Client(stub).GetOpportunityAsync(Opportunity, CancellationToken.None);

        Assert.Equal(Opportunity, opportunity!.Value.GetProperty("id").GetString());
        Assert.Equal(2, stub.Requests.Count);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(900), $"retried after {clock.Elapsed}");
    }

    [Fact]
    public async Task A_note_is_posted_as_the_user_given_in_perform_as()
    {
        await using var stub = await LoopbackStub.StartAsync(app => app.MapPost("/v1/opportunities/{id}/notes", (HttpContext c) =>
            Authorized(c) && c.Request.Query["perform_as"] == "8d49b010-cc6a-4f40-ace5-e86061c677ed"
                ? Results.Json(new { data = new { noteId = "3e2c8d7f-2d6b-4a3b-9f6e-0c8f7a2b1d4e" } }, statusCode: 201)
                : Results.Json(new { code = "BadRequestError", message = "perform_as is required" }, statusCode: 400)));

        var note = await Client(stub).AddNoteAsync(Opportunity, "8d49b010-cc6a-4f40-ace5-e86061c677ed", "HireVet: low risk.", CancellationToken.None);

        Assert.Equal("3e2c8d7f-2d6b-4a3b-9f6e-0c8f7a2b1d4e", note.GetProperty("noteId").GetString());
        var request = Assert.Single(stub.Requests);
        Assert.Equal(("POST", $"/v1/opportunities/{Opportunity}/notes?perform_as=8d49b010-cc6a-4f40-ace5-e86061c677ed"), (request.Method, request.PathAndQuery));
        Assert.StartsWith("application/json", request.Headers["Content-Type"]);
        var body = JsonDocument.Parse(request.Body).RootElement;
        Assert.Equal("HireVet: low risk.", body.GetProperty("value").GetString());
        Assert.Single(body.EnumerateObject());
    }

    [Fact]
    public async Task A_posting_gives_the_role_title()
    {
        await using var stub = await LoopbackStub.StartAsync(app => app.MapGet("/v1/postings/{id}", (string id) => id == "p1"
            ? Results.Json(new { data = new { id, text = "Backend Engineer ", state = "published" } })
            : Results.Json(new { code = "ResourceNotFound", message = "Posting not found" }, statusCode: 404)));

        Assert.Equal("Backend Engineer", await Client(stub).GetPostingTitleAsync("p1", CancellationToken.None));
        Assert.Null(await Client(stub).GetPostingTitleAsync("p2", CancellationToken.None));
    }

    [Fact]
    public async Task An_error_status_names_the_status_and_Lever_message_never_the_key()
    {
        await using var stub = await LoopbackStub.StartAsync(app => app.MapGet("/v1/opportunities/{id}", () =>
            Results.Json(new { code = "InternalServerError", message = $"Something broke for key {Key}" }, statusCode: 500)));

        var failed = await Assert.ThrowsAsync<VendorApiException>(() => Client(stub).GetOpportunityAsync("o1", CancellationToken.None));
        Assert.Equal(("Lever", HttpStatusCode.InternalServerError), (failed.Vendor, failed.StatusCode));
        Assert.Equal("Lever answered 500 InternalServerError to GET /v1/opportunities/o1: Something broke for key [api key]", failed.Message);
    }

    [Fact]
    public async Task The_connection_test_says_whether_the_key_works_and_why_not()
    {
        await using var stub = await LoopbackStub.StartAsync(app => app.MapGet("/v1/users", (HttpContext c) =>
            c.Request.Headers.Authorization == "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("read-only-key:"))
                ? Results.Json(new { code = "ForbiddenError", message = "Insufficient permissions" }, statusCode: 403)
                : Authorized(c) ? Results.Json(new { data = new[] { new { id = "u1" } }, hasNext = false }) : Unauthorized()));

        var ok = await Client(stub).TestConnectionAsync(CancellationToken.None);
        Assert.True(ok.Ok, ok.Message);
        Assert.Equal("/v1/users?limit=1", stub.Requests.Last().PathAndQuery);

        var refused = await Client(stub, "wrong-key").TestConnectionAsync(CancellationToken.None);
        Assert.False(refused.Ok);
        Assert.Equal("Lever refused the API key (401 Unauthorized): it is wrong, revoked or for another account. Lever said: Invalid API key", refused.Message);

        var forbidden = await Client(stub, "read-only-key").TestConnectionAsync(CancellationToken.None);
        Assert.False(forbidden.Ok);
        Assert.Equal("Lever accepted the API key but it may not read users (403 Forbidden). Lever said: Insufficient permissions", forbidden.Message);
    }
}
