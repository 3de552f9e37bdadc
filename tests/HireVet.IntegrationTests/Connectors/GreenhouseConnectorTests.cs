using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using HireVet.Application.Common.Security;
using HireVet.Application.Connectors;
using HireVet.Application.Audit;
using HireVet.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace HireVet.IntegrationTests.Connectors;

/// <summary>A Greenhouse connector end to end on real HTTP: a stub plays the Harvest API; signed webhooks come in
/// (twice, with a bad signature, out of order); the candidate is fetched, vetted and linked; the note goes back with
/// On-Behalf-Of; a deletion redacts HireVet's copy and the audit chain still verifies.</summary>
[Collection("db")]
public sealed class GreenhouseConnectorTests(DatabaseFixture db) : IAsyncLifetime
{
    private const long CandidateId = 53883394;
    private HireVetFactory? _withJobs;
    private LoopbackStub? _harvest;
    private readonly ConcurrentDictionary<long, string> _candidates = new();

    public Task InitializeAsync() => db.ResetAsync();

    public async Task DisposeAsync()
    {
        if (_withJobs is not null) await _withJobs.DisposeAsync();
        if (_harvest is not null) await _harvest.DisposeAsync();
    }

    private static string Candidate(long id, string first, string last, string email) => JsonSerializer.Serialize(new
    {
        id, first_name = first, last_name = last, company = "Globex", title = "Senior Engineer",
        email_addresses = new[] { new { value = email, type = "personal" } },
        phone_numbers = new[] { new { value = "+1 415 555 0100", type = "mobile" } },
        addresses = new[] { new { value = "500 Howard St, San Francisco, CA 94105, United States", type = "home" } },
        employments = new[] { new { company_name = "Initech", title = "Engineer", start_date = "2017-06-01T00:00:00.000Z", end_date = "2021-03-01T00:00:00.000Z" } },
        educations = Array.Empty<object>(),
        website_addresses = new[] { new { value = $"https://github.com/{first.ToLowerInvariant()}dev", type = "personal" } },
        social_media_addresses = Array.Empty<object>(),
        applications = new[] { new { id = 69306314, candidate_id = id, status = "active", applied_at = "2026-11-30T18:00:00.000Z", jobs = new[] { new { id = 1, name = "Backend Engineer" } } } },
    });

    private async Task<(long Id, string Secret)> ConnectAsync(string notes = "on")
    {
        _harvest = await LoopbackStub.StartAsync(app =>
        {
            app.MapGet("/v1/candidates/{id:long}", (long id, HttpRequest request) =>
                request.Headers.Authorization.ToString() != "Basic " + Convert.ToBase64String(Encoding.ASCII.GetBytes("harvest-key:"))
                    ? Results.Unauthorized()
                    : _candidates.TryGetValue(id, out var json) ? Results.Text(json, "application/json") : Results.NotFound());
            app.MapPost("/v1/candidates/{id:long}/activity_feed/notes", (long id) => Results.Created($"/v1/notes/{id}", new { id = 1 }));
        });
        var added = await db.SendAsync(new AddConnector.Command
        {
            Kind = "greenhouse", Name = "Greenhouse",
            Settings = new() { ["baseUrl"] = _harvest.BaseUrl.ToString().TrimEnd('/'), ["notes"] = notes, ["onBehalfOf"] = "4080" },
            Secrets = new() { ["apiKey"] = "harvest-key" },
        }, "ada", Roles.Admin);
        return (added.Id, added.GeneratedSecrets["webhookSecret"]);
    }

    private static string Webhook(string action, long candidateId) => JsonSerializer.Serialize(new
    {
        action, payload = new { application = new { id = 69306314, candidate = new { id = candidateId, first_name = "Emily" } } },
    });

    private static async Task<HttpResponseMessage> DeliverAsync(HttpClient client, long connector, string secret, string body, string? signature = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/connectors/{connector}/webhook")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Signature",
            signature ?? "sha256 " + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body))));
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task A_new_application_is_fetched_vetted_and_noted_back_once_however_often_it_is_delivered()
    {
        _candidates[CandidateId] = Candidate(CandidateId, "Emily", "Carter", "emily.carter@example.com");
        var (connector, secret) = await ConnectAsync();
        _withJobs = new HireVetFactory(db.ConnectionString, jobsEnabled: true, new Dictionary<string, string?>
        {
            ["Jobs:WebhookPollSeconds"] = "1", ["Jobs:QueuePollMs"] = "200", ["PublicUrl"] = "https://hirevet.example",
        });
        var vendor = _withJobs.CreateClient();

        var forged = await DeliverAsync(vendor, connector, secret, Webhook("new_candidate_application", CandidateId), "sha256 " + new string('0', 64));
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        var first = await DeliverAsync(vendor, connector, secret, Webhook("new_candidate_application", CandidateId));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("accepted", (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString());
        var again = await DeliverAsync(vendor, connector, secret, Webhook("new_candidate_application", CandidateId));
        Assert.Equal("duplicate", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString());

        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline && !_harvest!.Requests.Any(r => r.Method == "POST")) await Task.Delay(250);
        var candidate = await db.QuerySingleAsync<(long Id, string LegalName, string Role, string VettingStatus, string SubmittedBy)>(
            "select id, legal_name, role, vetting_status, submitted_by from candidates where external_id = @ExternalId", new { ExternalId = $"greenhouse:{CandidateId}" });
        Assert.Equal(("Emily Carter", "Backend Engineer", "completed"), (candidate.LegalName, candidate.Role, candidate.VettingStatus));
        var note = Assert.Single(_harvest!.Requests, r => r.Method == "POST");
        Assert.Equal($"/v1/candidates/{CandidateId}/activity_feed/notes", note.PathAndQuery);
        Assert.Equal("4080", note.Headers["On-Behalf-Of"]);
        var body = JsonDocument.Parse(note.Body).RootElement.GetProperty("body").GetString()!;
        Assert.Contains("HireVet vetting completed: band", body);
        Assert.Contains($"https://hirevet.example/candidates/{candidate.Id}", body);
        Assert.Equal(1, await db.QuerySingleAsync<int>("select count(*)::int from ats_links where candidate_id = @Id", new { candidate.Id }));

        var log = await db.SendAsync(new GetConnectorLog.Query(connector));
        Assert.Contains(log, e => e is { Activity: "delivery", Outcome: "refused" });
        Assert.Contains(log, e => e is { Activity: "delivery", Outcome: "duplicate" });
        Assert.Contains(log, e => e is { Activity: "sync", Outcome: "accepted" } && e.Subject == CandidateId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains(log, e => e is { Activity: "note", Outcome: "accepted" });
        // The one fetch counts as the connector's sync: it is healthy.
        var health = Assert.Single(await db.SendAsync(new ListConnectors.Query()));
        Assert.Equal(("ok", 1L, 1L, 0L), (health.Health, health.Received, health.Accepted, health.Rejected));
    }

    [Fact]
    public async Task An_older_read_finishing_late_never_overwrites_a_newer_one()
    {
        var (connector, _) = await ConnectAsync(notes: "off");
        var sync = db.Factory.Services.GetRequiredService<SyncAtsRecord>();
        _candidates[CandidateId] = Candidate(CandidateId, "Emily", "Carter", "emily.carter@example.com");
        await sync.RunAsync(connector, CandidateId.ToString(System.Globalization.CultureInfo.InvariantCulture), CancellationToken.None);
        var stale = Application.Connectors.Greenhouse.GreenhouseDossier.Map(JsonDocument.Parse(Candidate(CandidateId, "Emilia", "Carter", "old@example.com")).RootElement);
        var outcome = await db.SendAsync(new StoreAtsRecord.Command(connector, CandidateId.ToString(System.Globalization.CultureInfo.InvariantCulture), stale,
            DateTimeOffset.UtcNow.AddMinutes(-5)), "system", Roles.System);
        Assert.Equal("ignored", outcome);
        Assert.Equal("Emily Carter", await db.QuerySingleAsync<string>("select legal_name from candidates"));
        Assert.Equal(1, await db.QuerySingleAsync<int>("select current_revision from candidates"));
    }

    [Fact]
    public async Task An_anonymized_candidate_is_redacted_not_stored_again_and_the_audit_chain_still_verifies()
    {
        var (connector, secret) = await ConnectAsync(notes: "off");
        var atsId = CandidateId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _candidates[CandidateId] = Candidate(CandidateId, "Emily", "Carter", "emily.carter@example.com");
        await db.Factory.Services.GetRequiredService<SyncAtsRecord>().RunAsync(connector, atsId, CancellationToken.None);
        var id = await db.QuerySingleAsync<long>("select id from candidates");
        await db.VetAllPendingAsync();
        Assert.True(await db.QuerySingleAsync<int>("select count(*)::int from candidate_identifiers where candidate_id = @id", new { id }) > 0);

        var vendor = db.Factory.CreateClient();
        var anonymized = JsonSerializer.Serialize(new { action = "candidate_anonymized", payload = new { candidate = new { id = CandidateId } } });
        var response = await DeliverAsync(vendor, connector, secret, anonymized);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var after = await db.QuerySingleAsync<(string LegalName, DateTimeOffset? RedactedAt)>("select legal_name, redacted_at from candidates where id = @id", new { id });
        Assert.Equal("(redacted)", after.LegalName);
        Assert.NotNull(after.RedactedAt);
        var dossiers = await db.QueryAsync<string>("select dossier::text from candidate_revisions where candidate_id = @id", new { id });
        Assert.All(dossiers, d => Assert.DoesNotContain("Emily", d));
        Assert.All(dossiers, d => Assert.DoesNotContain("emily.carter", d));
        Assert.Equal(0, await db.QuerySingleAsync<int>("select count(*)::int from candidate_identifiers where candidate_id = @id", new { id }));
        var signals = await db.QueryAsync<string>("select signals::text from assessments where candidate_id = @id", new { id });
        Assert.All(signals, s => Assert.DoesNotContain("emily", s, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(1, await db.QuerySingleAsync<int>("select count(*)::int from candidate_redactions where candidate_id = @id", new { id }));

        // A late update for the same person stores nothing again.
        await db.Factory.Services.GetRequiredService<SyncAtsRecord>().RunAsync(connector, atsId, CancellationToken.None);
        Assert.Equal("(redacted)", await db.QuerySingleAsync<string>("select legal_name from candidates where id = @id", new { id }));
        Assert.Equal(1, await db.QuerySingleAsync<int>("select count(*)::int from candidates"));

        await db.SendAsync(new ChainAuditRecords.Command(Wait: true), "system", Roles.System);
        var verified = await db.SendAsync(new VerifyAuditChain.Query(), "aud", Roles.Auditor);
        Assert.True(verified.Valid, verified.Problem);
        // The delivery's audit record (the redaction ran inside it) says what was erased and why.
        var details = await db.QuerySingleAsync<string>("select details from audit_records where action = 'ReceiveAtsDelivery'");
        Assert.Contains("candidate_anonymized", details);
        Assert.Contains("\"redacted\":true", details);
    }
}
