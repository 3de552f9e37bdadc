using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using HireVet.Application.Candidates;
using HireVet.Application.Common.Security;
using HireVet.Application.Vetting;
using HireVet.IntegrationTests.Infrastructure;

namespace HireVet.IntegrationTests.Ingestion;

/// <summary>The onboarding-events upload (LINK-13): vendor step spellings, rejected lines by field, personal details
/// encrypted and identifiers hashed, idempotent on event ids, matched at the hire, and a re-screen that names the other
/// worker when one stand-in appeared for two hires, but not for two namesakes who each came themselves.</summary>
[Collection("db")]
public sealed class IngestOnboardingEventsTests(DatabaseFixture db) : IAsyncLifetime
{
    public Task InitializeAsync() => db.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private const string Path = "/api/integrations/onboarding-events";

    private async Task<(long Candidate, long Worker)> HiredWorkerAsync(string email)
    {
        var id = (await db.SendAsync(Dossiers.Honest(), "hana", Roles.Hr)).Id;
        await db.SendAsync(new VetCandidates.Command([id]), "system", Roles.System);
        var hired = await (await db.ClientAsync(Roles.Hr)).PostAsJsonAsync($"/api/candidates/{id}/hire",
            new { employeeId = $"E-{id}", startDate = "2026-11-02", workEmail = email });
        Assert.Equal(HttpStatusCode.Created, hired.StatusCode);
        return (id, (await hired.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("workerId").GetInt64());
    }

    private static string Event(string id, string user, string step, string? appeared, string? phone = null, string? email = null, object? place = null) =>
        JsonSerializer.Serialize(new
        {
            eventId = id, user, step, occurredAt = DateTimeOffset.UtcNow.Date.AddDays(-20).ToString("O"), appearedName = appeared,
            contact = new { phone, email }, place,
        });

    private static StringContent Ndjson(params string[] lines) => new(string.Join('\n', lines) + "\n", Encoding.UTF8, "application/x-ndjson");

    private async Task<JsonElement> PostAsync(HttpContent content)
    {
        var response = await (await db.ClientAsync(Roles.Integration)).PostAsync(Path, content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task Bad_lines_are_rejected_by_field_details_are_encrypted_identifiers_hashed_and_a_resend_changes_nothing()
    {
        var (_, worker) = await HiredWorkerAsync("emily.carter@corp.example");
        var body = new[]
        {
            Event("ob-1", "Emily.Carter@corp.example", "Drug Screen", "Daniel Brooks", phone: "+1 512 555 0147", email: "d.brooks@mail.example"),
            Event("ob-2", "emily.carter@corp.example", "badge photo", "Daniel Brooks", email: "not-an-address"),
            "{\"eventId\":\"ob-3\",\"user\":\"emily.carter@corp.example\",\"step\":\"I-9\"}",
            "not json",
            Event("ob-4", "carol.diaz@corp.example", "laptop pickup", "Carol Diaz", place: new { line1 = "7 Elm Street", city = "Austin", country = "US" }),
        };

        var first = await PostAsync(Ndjson(body));
        Assert.Equal((5, 2, 3, 1), (first.GetProperty("received").GetInt32(), first.GetProperty("accepted").GetInt32(),
            first.GetProperty("rejected").GetInt32(), first.GetProperty("unmatched").GetInt32()));
        var errors = first.GetProperty("errors").EnumerateArray().ToArray();
        Assert.Equal([2, 3, 4], errors.Select(e => e.GetProperty("line").GetInt32()));
        Assert.Equal(["contact.email", "step"], errors[0].GetProperty("errors").EnumerateObject().Select(p => p.Name).Order());
        Assert.True(errors[1].GetProperty("errors").TryGetProperty("occurredAt", out _));
        Assert.True(errors[2].GetProperty("errors").TryGetProperty("event", out _));

        Assert.Equal("drug_test", await db.QuerySingleAsync<string>("select step from onboarding_events where event_id = 'ob-1'"));
        Assert.Equal(worker, await db.QuerySingleAsync<long>("select worker_id from onboarding_events where event_id = 'ob-1'"));
        var stored = await db.QuerySingleAsync<string>("select protected from onboarding_events where event_id = 'ob-1'");
        Assert.DoesNotContain("Brooks", stored);
        Assert.DoesNotContain("0147", stored);
        Assert.Equal(["email", "person", "phone"], await db.QueryAsync<string>(
            "select i.kind from onboarding_identifiers i join onboarding_events e on e.id = i.onboarding_event_id where e.event_id = 'ob-1' order by 1"));
        // The laptop pickup's place is an identifier; a drug test's clinic would not be.
        Assert.Contains("address", await db.QueryAsync<string>(
            "select i.kind from onboarding_identifiers i join onboarding_events e on e.id = i.onboarding_event_id where e.event_id = 'ob-4'"));

        var again = await PostAsync(Ndjson(body));
        Assert.Equal((0, 2), (again.GetProperty("accepted").GetInt32(), again.GetProperty("duplicates").GetInt32()));
        Assert.Equal(2, await db.QuerySingleAsync<int>("select count(*)::int from onboarding_events"));
        Assert.Equal(5, await db.QuerySingleAsync<int>("select count(*)::int from onboarding_identifiers"));

        // Kept for an address nobody has yet, and the worker's once hired.
        var (_, carol) = await HiredWorkerAsync("carol.diaz@corp.example");
        Assert.Equal(carol, await db.QuerySingleAsync<long>("select worker_id from onboarding_events where event_id = 'ob-4'"));
    }

    [Fact]
    public async Task One_stand_in_at_two_hires_drug_test_and_I_9_check_is_LINK_13_after_a_re_screen_naming_the_other_worker()
    {
        var (emily, _) = await HiredWorkerAsync("emily.carter@corp.example");
        var (second, _) = await HiredWorkerAsync("second.hire@corp.example");
        const string header = "eventId,user,step,occurredAt,appearedName,phone,email,place\n";
        var csv = header + """
            ob-10,emily.carter@corp.example,Drug Test,2026-11-01T10:00:00Z,Daniel Brooks,(512) 555-0147,,"Quest Diagnostics, 12 Main St, Austin TX"
            """;
        Assert.Equal(1, (await PostAsync(new StringContent(csv, Encoding.UTF8, "text/csv"))).GetProperty("accepted").GetInt32());
        await IngestMeetingSessionsTests.RescreenAsync(db);
        Assert.DoesNotContain(((await db.SendAsync(new GetCandidate.Query(emily))).LatestAssessment!).Signals, s => s.IndicatorId == "LINK-13");

        // The second hire's I-9 check, days later: the next incremental run re-screens both, not only the newer hire.
        csv = header + """
            ob-11,second.hire@corp.example,Form I-9,2026-11-03T15:00:00Z,DANIEL BROOKS,+1 512-555-0147,,
            """;
        Assert.Equal(1, (await PostAsync(new StringContent(csv, Encoding.UTF8, "text/csv"))).GetProperty("accepted").GetInt32());
        await IngestMeetingSessionsTests.RescreenAsync(db);

        var assessment = (await db.SendAsync(new GetCandidate.Query(emily))).LatestAssessment!;
        var signal = Assert.Single(assessment.Signals, s => s.IndicatorId == "LINK-13");
        Assert.Equal(("high", 50, "onboarding-stand-in"), (signal.Severity, signal.Weight, signal.Check));
        Assert.Contains("person who appeared, phone number", signal.Explanation);
        Assert.Contains($"E-{second}", signal.Evidence.ToJsonString());
        Assert.Contains("ob-11", signal.Evidence.ToJsonString());
        Assert.Contains(((await db.SendAsync(new GetCandidate.Query(second))).LatestAssessment!).Signals, s => s.IndicatorId == "LINK-13");
    }

    [Fact]
    public async Task Two_namesakes_each_at_their_own_drug_test_in_the_same_clinic_are_not_LINK_13()
    {
        // Both honest hires are called Emily Carter; each came to the same clinic for their own test.
        var (first, _) = await HiredWorkerAsync("emily.carter@corp.example");
        var (second, _) = await HiredWorkerAsync("emily.carter2@corp.example");
        var clinic = new { line1 = "12 Main Street", city = "Austin", region = "TX", postalCode = "78701", country = "US" };
        Assert.Equal(2, (await PostAsync(Ndjson(
            Event("ob-20", "emily.carter@corp.example", "drug test", "Emily Carter", phone: "+1 512 555 0101", place: clinic),
            Event("ob-21", "emily.carter2@corp.example", "drug test", "Emily Carter", phone: "+1 737 555 0199", place: clinic))))
            .GetProperty("accepted").GetInt32());

        await IngestMeetingSessionsTests.RescreenAsync(db);

        foreach (var candidate in new[] { first, second })
        {
            var assessment = (await db.SendAsync(new GetCandidate.Query(candidate))).LatestAssessment!;
            Assert.DoesNotContain(assessment.Signals, s => s.IndicatorId == "LINK-13");
            Assert.Contains(assessment.Trace, t => t is { Check: "onboarding-stand-in", Outcome: "not_fired" });
        }
    }
}
