using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using HireVet.Application.Common.Security;
using HireVet.Application.Vetting;
using HireVet.IntegrationTests.Infrastructure;

namespace HireVet.IntegrationTests.Ingestion;

[Collection("db")]
public sealed class IngestionTests(DatabaseFixture db) : IAsyncLifetime
{
    public Task InitializeAsync() => db.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<long> HiredWorkerAsync(string email)
    {
        var id = (await db.SendAsync(Dossiers.Honest(), "hana", Roles.Hr)).Id;
        await db.SendAsync(new VetCandidates.Command([id]), "system", Roles.System);
        var hired = await (await db.ClientAsync(Roles.Hr)).PostAsJsonAsync($"/api/candidates/{id}/hire",
            new { employeeId = $"E-{id}", startDate = "2026-11-02", workEmail = email });
        Assert.Equal(HttpStatusCode.Created, hired.StatusCode);
        return (await hired.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("workerId").GetInt64();
    }

    private static StringContent Ndjson(params string[] lines) => new(string.Join('\n', lines) + "\n", Encoding.UTF8, "application/x-ndjson");

    [Fact]
    public async Task Generic_sign_ins_as_CSV_count_bad_rows_by_field_never_half_write_and_are_idempotent_on_event_ids()
    {
        var worker = await HiredWorkerAsync("ana.costa@corp.example");
        var integration = await db.ClientAsync(Roles.Integration);
        const string csv = """
            eventId,occurredAt,user,ip,country,outcome,userAgent
            g-1,2026-11-20T08:01:00Z,Ana.Costa@corp.example,73.162.10.20,US,success,"Mozilla/5.0 (X11, Linux)"
            g-2,not-a-time,ana.costa@corp.example,73.162.10.20,US,success,x
            g-3,2026-11-20T09:00:00Z,ana.costa@corp.example,999.1.1.1,US,maybe,x
            g-4,2026-11-20T10:00:00Z,someone.else@corp.example,73.162.10.21,US,failure,x
            """;

        var first = await (await integration.PostAsync("/api/integrations/sign-ins", new StringContent(csv, Encoding.UTF8, "text/csv")))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((4, 2, 2, 1), (first.GetProperty("received").GetInt32(), first.GetProperty("accepted").GetInt32(),
            first.GetProperty("rejected").GetInt32(), first.GetProperty("unmatched").GetInt32()));
        var errors = first.GetProperty("errors").EnumerateArray().ToArray();
        Assert.Equal(3, errors[0].GetProperty("line").GetInt32());
        Assert.True(errors[0].GetProperty("errors").TryGetProperty("occurredAt", out _));
        Assert.True(errors[1].GetProperty("errors").TryGetProperty("ip", out _));
        Assert.True(errors[1].GetProperty("errors").TryGetProperty("outcome", out _));

        var again = await (await integration.PostAsync("/api/integrations/sign-ins", new StringContent(csv, Encoding.UTF8, "text/csv")))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((0, 2), (again.GetProperty("accepted").GetInt32(), again.GetProperty("duplicates").GetInt32()));
        Assert.Equal(2, await db.QuerySingleAsync<int>("select count(*)::int from sign_in_events"));
        Assert.Equal("Mozilla/5.0 (X11, Linux)", await db.QuerySingleAsync<string>("select user_agent from sign_in_events where event_id = 'g-1'"));
        Assert.Equal(worker, await db.QuerySingleAsync<long>("select worker_id from sign_in_events where event_id = 'g-1'"));
    }

    [Fact]
    public async Task A_batch_mixing_stored_and_new_sign_ins_stores_the_new_ones_once_matched_to_their_workers()
    {
        var ana = await HiredWorkerAsync("ana.costa@corp.example");
        var integration = await db.ClientAsync(Roles.Integration);
        (await integration.PostAsync("/api/integrations/sign-ins", Ndjson(SignIn("m-1", "ana.costa@corp.example")))).EnsureSuccessStatusCode();

        // m-1 again (a resend), m-2 twice in the batch, m-3 for no worker yet.
        var mixed = await (await integration.PostAsync("/api/integrations/sign-ins", Ndjson(SignIn("m-1", "ana.costa@corp.example"),
            SignIn("m-2", "ANA.COSTA@corp.example"), SignIn("m-2", "ana.costa@corp.example"), SignIn("m-3", "nobody@corp.example"))))
            .Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal((4, 2, 2, 0, 0, 1), Counts(mixed));
        var stored = (await db.QueryAsync<(string, long?)>("select event_id, worker_id from sign_in_events order by event_id")).ToArray();
        Assert.Equal([("m-1", ana), ("m-2", ana), ("m-3", (long?)null)], stored);
    }

    private static string SignIn(string id, string user) =>
        $$"""{"eventId": "{{id}}", "occurredAt": "2026-11-20T08:00:00Z", "user": "{{user}}", "ip": "73.162.10.20", "country": "US", "outcome": "success"}""";

    private static async Task<JsonElement> StartRunAsync(HttpClient admin, string kind)
    {
        var response = await admin.PostAsJsonAsync("/api/admin/rescreen-runs", new { kind });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task An_incremental_run_takes_the_workers_with_sign_ins_received_since_the_last_run_and_no_one_else()
    {
        var ana = await HiredWorkerAsync("ana.costa@corp.example");
        var ben = await HiredWorkerAsync("ben.osei@corp.example");
        var integration = await db.ClientAsync(Roles.Integration);
        var admin = await db.ClientAsync(Roles.Admin);
        (await integration.PostAsync("/api/integrations/sign-ins", Ndjson(SignIn("s-1", "ana.costa@corp.example"), SignIn("s-2", "ben.osei@corp.example"))))
            .EnsureSuccessStatusCode();
        var full = await StartRunAsync(admin, "full");
        Assert.Equal(2, full.GetProperty("subjects").GetInt32());

        (await integration.PostAsync("/api/integrations/sign-ins", Ndjson(SignIn("s-3", "ben.osei@corp.example")))).EnsureSuccessStatusCode();
        var incremental = await StartRunAsync(admin, "incremental");
        // Ben's new sign-in is taken. Ana's older one is taken again only if the full run's watermark had to stay before
        // it, because a transaction of the app's background jobs was already open when her sign-in arrived (a sign-in
        // such a transaction might still store must not be missed); the test cannot keep those jobs from running.
        var expected = (await WorkersWithSignInsFromAsync(full, ana, ben)).Append(ben).Distinct().Order().ToArray();
        var candidates = await db.QuerySingleAsync<long[]>("select array_agg(candidate_id order by candidate_id) from workers where id = any(@expected)", new { expected });
        Assert.Equal(expected.Length, incremental.GetProperty("subjects").GetInt32());
        Assert.Equal(candidates, await db.QuerySingleAsync<long[]>("select candidate_ids from rescreen_batches where run_id = @run",
            new { run = incremental.GetProperty("runId").GetInt64() }));

        // Nothing received since: the next incremental run has no one to re-screen (a duplicate is not news either),
        // beyond sign-ins the last run's watermark had to stay before.
        (await integration.PostAsync("/api/integrations/sign-ins", Ndjson(SignIn("s-3", "ben.osei@corp.example")))).EnsureSuccessStatusCode();
        var held = await WorkersWithSignInsFromAsync(incremental, ana, ben);
        Assert.Equal(held.Length, (await StartRunAsync(admin, "incremental")).GetProperty("subjects").GetInt32());
    }

    /// <summary>Of the given workers, those with a sign-in received at or after the run's watermark.</summary>
    private async Task<long[]> WorkersWithSignInsFromAsync(JsonElement run, params long[] workers) =>
        [.. await db.QueryAsync<long>("""
            select distinct s.worker_id from sign_in_events s
            where s.worker_id = any(@workers)
              and s.received_at >= (select events_watermark from rescreen_runs where id = @run)
            """, new { workers, run = run.GetProperty("runId").GetInt64() })];

    [Fact]
    public async Task Events_for_an_address_nobody_has_yet_are_kept_and_become_the_worker_s_at_the_hire()
    {
        var integration = await db.ClientAsync(Roles.Integration);
        var entra = await (await integration.PostAsJsonAsync("/api/integrations/entra/sign-ins", new object[]
        {
            new { id = "e-1", createdDateTime = "2026-11-20T08:00:00Z", userPrincipalName = "ben.osei@corp.example", ipAddress = "79.192.0.1",
                  location = new { city = "Berlin", countryOrRegion = "DE" }, deviceDetail = new { deviceId = "dev-9", browser = "Edge 120" },
                  status = new { errorCode = 0 } },
            new { id = "e-2", createdDateTime = "2026-11-20T08:05:00Z", userPrincipalName = "ben.osei@corp.example", ipAddress = "79.192.0.1",
                  status = new { errorCode = 50126, failureReason = "Invalid username or password." } },
            new { id = "e-3", createdDateTime = "2026-11-20T08:06:00Z", ipAddress = "79.192.0.1", status = new { errorCode = 0 } },
        })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((2, 2, 1), (entra.GetProperty("accepted").GetInt32(), entra.GetProperty("unmatched").GetInt32(), entra.GetProperty("rejected").GetInt32()));
        Assert.True(entra.GetProperty("errors")[0].GetProperty("errors").TryGetProperty("userPrincipalName", out _));

        var mfa = await (await integration.PostAsync("/api/integrations/mfa-registrations", Ndjson(
            """{"eventId":"m-1","user":"ben.osei@corp.example","deviceId":"auth-77","registeredAt":"2026-11-19T12:00:00Z"}""",
            """{"eventId":"m-2","user":"ben.osei@corp.example","registeredAt":"2026-11-19T12:00:00Z"}""",
            "not json"))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((1, 2), (mfa.GetProperty("accepted").GetInt32(), mfa.GetProperty("rejected").GetInt32()));

        var worker = await HiredWorkerAsync("Ben.Osei@corp.example");
        Assert.Equal(2, await db.QuerySingleAsync<int>("select count(*)::int from sign_in_events where worker_id = @worker", new { worker }));
        Assert.Equal(1, await db.QuerySingleAsync<int>("select count(*)::int from worker_records where worker_id = @worker", new { worker }));
        Assert.False(await db.QuerySingleAsync<bool>("select succeeded from sign_in_events where event_id = 'e-2'"));
    }

    [Fact]
    public async Task A_payroll_change_keeps_its_account_number_encrypted_and_only_cleared_candidates_can_be_hired()
    {
        await HiredWorkerAsync("cal.novak@corp.example");
        var integration = await db.ClientAsync(Roles.Integration);
        var body = await (await integration.PostAsync("/api/integrations/payroll-changes", Ndjson(
            """{"eventId":"p-1","user":"cal.novak@corp.example","effectiveDate":"2026-11-25","payrollDestination":{"method":"bank_transfer","accountHolderName":"Cal Novak","accountNumber":"99887766","routingNumber":"114000093","bankCountry":"US"}}""",
            """{"eventId":"p-2","user":"cal.novak@corp.example","effectiveDate":"2026-11-26","payrollDestination":{"method":"pigeon"}}"""
            ))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((1, 1), (body.GetProperty("accepted").GetInt32(), body.GetProperty("rejected").GetInt32()));
        Assert.True(body.GetProperty("errors")[0].GetProperty("errors").TryGetProperty("payrollDestination.method", out _));
        var stored = await db.QuerySingleAsync<(string Data, string Protected)>("select data::text, protected from worker_records where event_id = 'p-1'");
        Assert.DoesNotContain("99887766", stored.Data + stored.Protected);

        var hr = await db.ClientAsync(Roles.Hr);
        var payee = (await db.SendAsync(Dossiers.PayeeMismatch(), "hana", Roles.Hr)).Id;
        await db.SendAsync(new VetCandidates.Command([payee]), "system", Roles.System);
        var refused = await hr.PostAsJsonAsync($"/api/candidates/{payee}/hire", new { employeeId = "E-9", startDate = "2026-11-02", workEmail = "x@corp.example" });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var invalid = await hr.PostAsJsonAsync($"/api/candidates/{payee}/hire", new { employeeId = "", startDate = "2026-11-02", workEmail = "nope" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var problem = await invalid.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("workEmail", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("employeeId", out _));
    }

    private static (int Received, int Accepted, int Duplicates, int Skipped, int Rejected, int Unmatched) Counts(JsonElement answer) =>
        (answer.GetProperty("received").GetInt32(), answer.GetProperty("accepted").GetInt32(), answer.GetProperty("duplicates").GetInt32(),
         answer.GetProperty("skipped").GetInt32(), answer.GetProperty("rejected").GetInt32(), answer.GetProperty("unmatched").GetInt32());

    private sealed record StoredSignIn
    {
        public string EventId { get; init; } = "";
        public string Principal { get; init; } = "";
        public long? WorkerId { get; init; }
        public DateTimeOffset OccurredAt { get; init; }
        public string? Ip { get; init; }
        public string? ReportedCountry { get; init; }
        public string? ReportedCity { get; init; }
        public string? UserAgent { get; init; }
        public string? DeviceId { get; init; }
        public bool Succeeded { get; init; }
        public string? SessionId { get; init; }
    }

    private Task<StoredSignIn[]> StoredEntraSignInsAsync() => db.QueryAsync<StoredSignIn>("""
        select event_id, principal, worker_id, occurred_at, ip, reported_country, reported_city, user_agent, device_id, succeeded, session_id
        from sign_in_events where source = 'entra' order by event_id
        """);

    [Fact]
    public async Task A_Graph_page_printed_over_many_lines_is_one_body_and_each_of_its_sign_ins_is_counted_and_numbered()
    {
        var worker = await HiredWorkerAsync("dana.reyes@corp.example");
        var integration = await db.ClientAsync(Roles.Integration);
        const string page = """
            {
              "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#auditLogs/signIns",
              "value": [
                {
                  "id": "g-1",
                  "createdDateTime": "2026-11-20T08:00:00.123456089Z",
                  "userPrincipalName": "Dana.Reyes@corp.example",
                  "ipAddress": "2A02:8108:1140::7",
                  "correlationId": "c-1",
                  "status": { "errorCode": 0, "failureReason": null },
                  "deviceDetail": { "deviceId": "", "browser": "Edge 120.0.2210" },
                  "location": { "city": "Berlin", "state": "", "countryOrRegion": "DE", "geoCoordinates": {} }
                },
                {
                  "id": "g-2",
                  "createdDateTime": "2026-11-20T08:01:00Z",
                  "userPrincipalName": null,
                  "servicePrincipalId": "6c3f1a2e",
                  "signInEventTypes": ["servicePrincipal"],
                  "status": { "errorCode": 0 }
                },
                {
                  "id": "g-3",
                  "createdDateTime": "2026-11-20T08:02:00Z",
                  "userPrincipalName": "dana.reyes@corp.example",
                  "ipAddress": "203.0.113.300",
                  "status": { "errorCode": 50126 },
                  "location": {}
                }
              ],
              "@odata.nextLink": "https://graph.microsoft.com/v1.0/auditLogs/signIns?$skiptoken=9177f2e3532fcd4c"
            }
            """;

        var answer = await (await integration.PostAsync("/api/integrations/entra/sign-ins", new StringContent(page, Encoding.UTF8, "application/json")))
            .Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal((3, 1, 0, 1, 1, 0), Counts(answer));
        var error = Assert.Single(answer.GetProperty("errors").EnumerateArray());
        Assert.Equal((1, 3), (error.GetProperty("line").GetInt32(), error.GetProperty("position").GetInt32()));
        Assert.Equal(["ipAddress"], error.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        var stored = Assert.Single(await StoredEntraSignInsAsync());
        Assert.Equal(("g-1", "dana.reyes@corp.example", worker, "2a02:8108:1140::7", true),
            (stored.EventId, stored.Principal, stored.WorkerId, stored.Ip, stored.Succeeded));
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero).AddTicks(1_234_560), stored.OccurredAt); // microseconds, as PostgreSQL keeps them
        Assert.Equal(("DE", "Berlin", "Edge 120.0.2210", null, "c-1"),
            (stored.ReportedCountry, stored.ReportedCity, stored.UserAgent, stored.DeviceId, stored.SessionId));
    }

    [Fact]
    public async Task Azure_Monitor_records_keep_users_sign_ins_skip_other_categories_and_are_the_same_events_as_a_batch_or_one_a_line()
    {
        var sample = Path.Combine(PrivatePostgres.RepositoryRoot(), "..", "shared", "data", "formats", "entra", "elastic-integrations-signinlogs-test-signinlogs-raw.log");
        var records = File.ReadLines(sample).Where(l => l.Trim().Length > 0).ToArray();
        Assert.Equal(5, records.Length);
        var integration = await db.ClientAsync(Roles.Integration);

        // As Event Hubs delivers them: one batch.
        var batch = await (await integration.PostAsync("/api/integrations/entra/sign-ins",
            new StringContent($"{{\"records\": [{string.Join(",", records)}]}}", Encoding.UTF8, "application/json"))).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal((5, 1, 0, 3, 1, 1), Counts(batch));
        var error = Assert.Single(batch.GetProperty("errors").EnumerateArray());
        Assert.Equal((1, 2), (error.GetProperty("line").GetInt32(), error.GetProperty("position").GetInt32()));
        Assert.Equal(["properties.userPrincipalName"], error.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        var stored = Assert.Single(await StoredEntraSignInsAsync());
        Assert.Equal(("8a4de8b5-095c-47d0-a96f-a75130c61d53", "test@elastic.co", null, "81.2.69.144", false),
            (stored.EventId, stored.Principal, stored.WorkerId, stored.Ip, stored.Succeeded));
        // createdDateTime 04:45:48.0729893-05:00, to the microsecond.
        Assert.Equal(new DateTimeOffset(2019, 10, 18, 9, 45, 48, TimeSpan.Zero).AddTicks(729_890), stored.OccurredAt);
        Assert.Equal(("FR", "Champs-Sur-Marne", "Chrome 77.0.3865", null, "8a4de8b5-095c-47d0-a96f-a75130c61d53"),
            (stored.ReportedCountry, stored.ReportedCity, stored.UserAgent, stored.DeviceId, stored.SessionId));

        // As a storage account exports them: one record a line, the same sign-in as before.
        var lines = await (await integration.PostAsync("/api/integrations/entra/sign-ins", Ndjson(records))).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal((5, 0, 1, 3, 1, 0), Counts(lines));
        error = Assert.Single(lines.GetProperty("errors").EnumerateArray());
        Assert.Equal(2, error.GetProperty("line").GetInt32());
        Assert.False(error.TryGetProperty("position", out _));
        Assert.Single(await StoredEntraSignInsAsync());
    }
}
