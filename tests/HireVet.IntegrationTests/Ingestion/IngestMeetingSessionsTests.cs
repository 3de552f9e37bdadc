using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using HireVet.Application.Candidates;
using HireVet.Application.Common.Security;
using HireVet.Application.Rescreening;
using HireVet.Application.Vetting;
using HireVet.IntegrationTests.Infrastructure;

namespace HireVet.IntegrationTests.Ingestion;

/// <summary>The meetings upload (NET-17): CSV and NDJSON in the platforms' spellings, rejected rows by line and field,
/// idempotent on the participant's session, and a re-screen that raises NET-17 for a screen shared all day.</summary>
[Collection("db")]
public sealed class IngestMeetingSessionsTests(DatabaseFixture db) : IAsyncLifetime
{
    public Task InitializeAsync() => db.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private const string Path = "/api/integrations/meeting-sessions";

    private async Task<(long Candidate, long Worker)> HiredWorkerAsync(string email)
    {
        var id = (await db.SendAsync(Dossiers.Honest(), "hana", Roles.Hr)).Id;
        await db.SendAsync(new VetCandidates.Command([id]), "system", Roles.System);
        var hired = await (await db.ClientAsync(Roles.Hr)).PostAsJsonAsync($"/api/candidates/{id}/hire",
            new { employeeId = $"E-{id}", startDate = "2026-11-02", workEmail = email });
        Assert.Equal(HttpStatusCode.Created, hired.StatusCode);
        return (id, (await hired.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("workerId").GetInt64());
    }

    private static string At(DateTimeOffset t) => t.ToString("yyyy-MM-ddTHH:mm:ssZ");

    [Fact]
    public async Task A_CSV_export_counts_bad_rows_by_line_and_field_keeps_unknown_participants_and_is_idempotent()
    {
        var (_, worker) = await HiredWorkerAsync("ana.costa@corp.example");
        var integration = await db.ClientAsync(Roles.Integration);
        var day = DateTimeOffset.UtcNow.Date.AddDays(-3);
        var csv = $"""
            user_email,join_time,leave_time,share_desktop,meeting_id
            Ana.Costa@corp.example,{At(day.AddHours(8))},{At(day.AddHours(8.5))},No,standup-1
            ana.costa@corp.example,{At(day.AddHours(10))},{At(day.AddHours(9))},Yes,m-2
            ana.costa@corp.example,{At(day.AddHours(11))},{At(day.AddHours(12))},sometimes,m-3
            nobody.yet@corp.example,{At(day.AddHours(9))},{At(day.AddHours(10))},,m-4
            ana.costa@corp.example,{At(day.AddHours(13))},,,m-5
            """;

        var first = await PostAsync(integration, new StringContent(csv, Encoding.UTF8, "text/csv"));
        Assert.Equal((5, 2, 3, 1), (first.GetProperty("received").GetInt32(), first.GetProperty("accepted").GetInt32(),
            first.GetProperty("rejected").GetInt32(), first.GetProperty("unmatched").GetInt32()));
        var errors = first.GetProperty("errors").EnumerateArray().ToArray();
        Assert.Equal([3, 4, 6], errors.Select(e => e.GetProperty("line").GetInt32()));
        Assert.Equal("Is before join_time.", errors[0].GetProperty("errors").GetProperty("leave_time")[0].GetString());
        Assert.True(errors[1].GetProperty("errors").TryGetProperty("share_desktop", out _));
        // A blank cell is no field at all: the error names the field by HireVet's own name.
        Assert.Equal("Required.", errors[2].GetProperty("errors").GetProperty("end")[0].GetString());

        var again = await PostAsync(integration, new StringContent(csv, Encoding.UTF8, "text/csv"));
        Assert.Equal((0, 2), (again.GetProperty("accepted").GetInt32(), again.GetProperty("duplicates").GetInt32()));
        Assert.Equal(2, await db.QuerySingleAsync<int>("select count(*)::int from meeting_sessions"));
        Assert.Equal(worker, await db.QuerySingleAsync<long>("select worker_id from meeting_sessions where session_key = 'standup-1'"));
        Assert.False(await db.QuerySingleAsync<bool>("select screen_shared from meeting_sessions where session_key = 'standup-1'"));
        Assert.Null(await db.QuerySingleAsync<bool?>("select screen_shared from meeting_sessions where session_key = 'm-4'"));
    }

    [Fact]
    public async Task A_screen_shared_for_ten_hours_is_NET_17_after_the_upload_and_a_re_screen_and_a_working_day_of_calls_is_not()
    {
        var (emily, _) = await HiredWorkerAsync("emily.carter@corp.example");
        var (honest, _) = await HiredWorkerAsync("ben.osei@corp.example");
        var integration = await db.ClientAsync(Roles.Integration);
        var day = DateTimeOffset.UtcNow.Date.AddDays(-2);
        var body = new StringContent(string.Join('\n',
            // Teams call records, one participant's session a line.
            JsonSerializer.Serialize(new { userPrincipalName = "emily.carter@corp.example", startDateTime = At(day.AddHours(7)),
                endDateTime = At(day.AddHours(17.5)), screenShared = true, callId = "c-1", platform = "teams" }),
            JsonSerializer.Serialize(new { userPrincipalName = "ben.osei@corp.example", startDateTime = At(day.AddHours(9)),
                endDateTime = At(day.AddHours(13)), screenShared = true, callId = "c-2" }),
            JsonSerializer.Serialize(new { userPrincipalName = "ben.osei@corp.example", startDateTime = At(day.AddHours(13)),
                endDateTime = At(day.AddHours(17)), screenShared = false, callId = "c-3" })) + "\n", Encoding.UTF8, "application/x-ndjson");
        Assert.Equal(3, (await PostAsync(integration, body)).GetProperty("accepted").GetInt32());

        await RescreenAsync(db);

        var flagged = (await db.SendAsync(new GetCandidate.Query(emily))).LatestAssessment!;
        var signal = Assert.Single(flagged.Signals, s => s.IndicatorId == "NET-17");
        Assert.Equal(("medium", 20, "long-meeting-sessions"), (signal.Severity, signal.Weight, signal.Check));
        Assert.Contains("c-1", signal.Evidence.ToJsonString());
        var clear = (await db.SendAsync(new GetCandidate.Query(honest))).LatestAssessment!;
        Assert.DoesNotContain(clear.Signals, s => s.IndicatorId == "NET-17");
        Assert.Contains(clear.Trace, t => t is { Check: "long-meeting-sessions", Outcome: "not_fired" });
    }

    /// <summary>A re-screening run started by hand, each batch run here as a job would.</summary>
    internal static async Task RescreenAsync(DatabaseFixture db)
    {
        var run = await db.SendAsync(new StartRescreen.Command("incremental", "manual", 10), "ada", Roles.Admin);
        Assert.True(run.Subjects >= 2);
        for (var batch = 1; batch <= run.Batches; batch++)
            Assert.True((await db.SendAsync(new RescreenBatch.Command(run.RunId!.Value, batch, "test"), "system", Roles.System)).Ran);
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, HttpContent content)
    {
        var response = await client.PostAsync(Path, content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
