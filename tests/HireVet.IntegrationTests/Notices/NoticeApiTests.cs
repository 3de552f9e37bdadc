using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HireVet.Application.Common.Security;
using HireVet.IntegrationTests.Infrastructure;

namespace HireVet.IntegrationTests.Notices;

/// <summary>The notice endpoints over HTTP: problem details naming the field on bad input, 409 with the reason when the
/// stage does not allow the command, and what each role reads.</summary>
[Collection("db")]
public sealed class NoticeApiTests(DatabaseFixture db) : IAsyncLifetime
{
    private ClockedApp _app = null!;

    public async Task InitializeAsync()
    {
        await db.ResetAsync();
        _app = new ClockedApp(db);
    }

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    private static async Task<JsonElement> ProblemOf(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("   at ", body);
        Assert.DoesNotContain("Exception", body);
        return JsonDocument.Parse(body).RootElement;
    }

    private static string[] ErrorsFor(JsonElement problem, string field) =>
        problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()!).ToArray();

    [Fact]
    public async Task Bad_input_is_400_naming_the_field()
    {
        var security = await db.ClientAsync(Roles.Security, "sam");

        var channel = await ProblemOf(await security.PostAsJsonAsync("/api/candidates/1/notices", new { channel = "fax" }), HttpStatusCode.BadRequest);
        Assert.Equal(["'channel' must be one of: email, post, portal."], ErrorsFor(channel, "channel"));
        var justification = await ProblemOf(await security.PostAsJsonAsync("/api/candidates/1/final-rejection", new { justification = "ok" }), HttpStatusCode.BadRequest);
        Assert.Equal(["'justification' must explain the final decision in at least 10 characters."], ErrorsFor(justification, "justification"));
        var response = await ProblemOf(await security.PostAsJsonAsync("/api/candidates/1/notice-responses", new { channel = "pigeon", responseText = "" }), HttpStatusCode.BadRequest);
        Assert.NotEmpty(ErrorsFor(response, "responseText"));
        Assert.NotEmpty(ErrorsFor(response, "channel"));
        var filter = await ProblemOf(await security.GetAsync("/api/notices?filter=everything"), HttpStatusCode.BadRequest);
        Assert.Equal(["'filter' must be one of: open, ready, final, responded, sent."], ErrorsFor(filter, "filter"));
        await ProblemOf(await security.PostAsJsonAsync("/api/candidates/987654/notices", new { channel = "email" }), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_rejection_is_made_final_over_HTTP_only_after_the_notice_and_its_waiting_period()
    {
        var id = await _app.PendingRejectionAsync(Dossiers.PayeeMismatch());
        var sam = _app.Client(await db.ClientAsync(Roles.Security, "sam"));

        var unsent = await ProblemOf(await sam.PostAsJsonAsync($"/api/candidates/{id}/final-rejection", new { justification = "No answer from the candidate." }), HttpStatusCode.Conflict);
        Assert.StartsWith("No pre-adverse-action notice has been recorded as sent", unsent.GetProperty("detail").GetString());

        var sent = await sam.PostAsJsonAsync($"/api/candidates/{id}/notices", new { channel = "email" });
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        var noticeId = (await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("noticeId").GetInt64();
        Assert.Equal($"/api/notices/{noticeId}", sent.Headers.Location?.OriginalString);

        var early = await ProblemOf(await sam.PostAsJsonAsync($"/api/candidates/{id}/final-rejection", new { justification = "No answer from the candidate." }), HttpStatusCode.Conflict);
        Assert.StartsWith("The waiting period runs until", early.GetProperty("detail").GetString());

        var letter = await (await db.ClientAsync(Roles.Auditor)).GetFromJsonAsync<JsonElement>($"/api/notices/{noticeId}");
        Assert.Contains("This decision is not final.", letter.GetProperty("letterText").GetString());
        var hr = await db.ClientAsync(Roles.Hr);
        Assert.Equal(HttpStatusCode.Forbidden, (await hr.GetAsync($"/api/notices/{noticeId}")).StatusCode);
        var hrView = await hr.GetFromJsonAsync<JsonElement>($"/api/candidates/{id}/notices");
        Assert.Equal("waiting", hrView.GetProperty("notices")[0].GetProperty("state").GetString());
        Assert.False(hrView.GetProperty("notices")[0].TryGetProperty("letterText", out _));
        Assert.False(hrView.TryGetProperty("preview", out _));

        _app.Clock.Advance(TimeSpan.FromDays(6));
        var final = await sam.PostAsJsonAsync($"/api/candidates/{id}/final-rejection", new { justification = "No answer from the candidate." });
        Assert.Equal(HttpStatusCode.OK, final.StatusCode);
        Assert.Equal("rejected", (await final.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("candidateStatus").GetString());
        var list = await sam.GetFromJsonAsync<JsonElement>("/api/notices?filter=sent");
        Assert.Equal("finalised", list[0].GetProperty("state").GetString());
    }

    [Fact]
    public async Task The_adverse_action_notice_over_HTTP_bad_channel_400_recorded_once_then_409_and_HR_sees_only_its_state()
    {
        var id = await _app.PendingRejectionAsync(Dossiers.PayeeMismatch());
        await _app.FinaliseAsync(id);
        var sam = _app.Client(await db.ClientAsync(Roles.Security, "sam"));

        var owed = await sam.GetFromJsonAsync<JsonElement>($"/api/candidates/{id}/notices");
        Assert.Equal("adverse_action", owed.GetProperty("owedKind").GetString());
        Assert.Contains("we made that decision final", owed.GetProperty("preview").GetString());
        var final = await sam.GetFromJsonAsync<JsonElement>("/api/notices?filter=final");
        Assert.Equal(("adverse_action", "to_send"), (final[0].GetProperty("kind").GetString(), final[0].GetProperty("state").GetString()));

        var channel = await ProblemOf(await sam.PostAsJsonAsync($"/api/candidates/{id}/notices", new { channel = "fax" }), HttpStatusCode.BadRequest);
        Assert.Equal(["'channel' must be one of: email, post, portal."], ErrorsFor(channel, "channel"));
        Assert.Equal(1, await db.QuerySingleAsync<int>("select count(*)::int from candidate_notices where candidate_id = @id", new { id })); // nothing half-written

        var sent = await sam.PostAsJsonAsync($"/api/candidates/{id}/notices", new { channel = "post" });
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        var body = await sent.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("adverse_action", body.GetProperty("kind").GetString());
        var again = await ProblemOf(await sam.PostAsJsonAsync($"/api/candidates/{id}/notices", new { channel = "email" }), HttpStatusCode.Conflict);
        Assert.StartsWith("The adverse action notice for this decision was already recorded as sent", again.GetProperty("detail").GetString());

        var hr = _app.Client(await db.ClientAsync(Roles.Hr));
        var hrView = await hr.GetFromJsonAsync<JsonElement>($"/api/candidates/{id}/notices");
        var latest = hrView.GetProperty("notices")[0];
        Assert.Equal(("adverse_action", "final_sent"), (latest.GetProperty("kind").GetString(), latest.GetProperty("state").GetString()));
        Assert.False(latest.TryGetProperty("letterText", out _));
        Assert.False(hrView.TryGetProperty("preview", out _));
        Assert.Equal(HttpStatusCode.Forbidden, (await hr.PostAsJsonAsync($"/api/candidates/{id}/notices", new { channel = "email" })).StatusCode);
        var auditor = _app.Client(await db.ClientAsync(Roles.Auditor));
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostAsJsonAsync($"/api/candidates/{id}/notices", new { channel = "email" })).StatusCode);
    }
}
