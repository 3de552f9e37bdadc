using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using HireVet.Application.Common.Security;
using HireVet.Application.Connectors;
using HireVet.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace HireVet.IntegrationTests.Connectors;

/// <summary>A Lever connector on real HTTP: webhooks signed over token + triggeredAt with the webhooks' signature
/// token, the opportunity and its parsed resume fetched from a stub of the Lever API, the person stored once whatever
/// opportunity announced them, a record intake refuses logged with its fields, and a deleted candidate redacted.</summary>
[Collection("db")]
public sealed class LeverConnectorTests(DatabaseFixture db) : IAsyncLifetime
{
    private const string SignatureToken = "lever-signature-token-7Hq";
    private readonly ConcurrentDictionary<string, string> _opportunities = new();
    private LoopbackStub? _lever;

    public Task InitializeAsync() => db.ResetAsync();

    public async Task DisposeAsync()
    {
        if (_lever is not null) await _lever.DisposeAsync();
    }

    private static string Opportunity(string id, string contact, string name) => JsonSerializer.Serialize(new
    {
        id, contact, name, headline = "Backend engineer", location = "Austin, TX 78701", emails = new[] { "sam.rivera@example.com" },
        phones = new[] { new { type = "mobile", value = "+1 512 555 0142" } }, links = new[] { "https://github.com/samrivera" },
        createdAt = 1764892800000, archived = (object?)null,
    });

    private const string Resume = """
        {"data":[{"id":"r1","createdAt":1764892800000,"parsedData":{
          "positions":[{"org":"Initech","title":"Engineer","start":{"year":2018,"month":3},"end":{"year":2022,"month":1}}],
          "schools":[{"org":"University of Texas","degree":"BSc Computer Science","start":{"year":2014},"end":{"year":2018}}]}}],
         "hasNext":false}
        """;

    private async Task<long> ConnectAsync()
    {
        _lever = await LoopbackStub.StartAsync(app =>
        {
            app.MapGet("/v1/opportunities/{id}", (string id) =>
                _opportunities.TryGetValue(id, out var json) ? Results.Text($"{{\"data\":{json}}}", "application/json") : Results.NotFound());
            app.MapGet("/v1/opportunities/{id}/resumes", () => Results.Text(Resume, "application/json"));
        });
        return (await db.SendAsync(new AddConnector.Command
        {
            Kind = "lever", Name = "Lever", Settings = new() { ["baseUrl"] = _lever.BaseUrl.ToString().TrimEnd('/') },
            Secrets = new() { ["apiKey"] = "lever-api-key", ["signatureToken"] = SignatureToken },
        }, "ada", Roles.Admin)).Id;
    }

    private static string Delivery(string id, string @event, string opportunityId, string? signature = null)
    {
        const string token = "657fd5a0759c87d35660b096dbc388d1d31058869f08ce3f";
        const long triggeredAt = 1764892900000;
        signature ??= Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(SignatureToken), Encoding.UTF8.GetBytes($"{token}{triggeredAt}")));
        return JsonSerializer.Serialize(new { id, triggeredAt, @event, data = new { opportunityId, contactId = "c-1" }, token, signature });
    }

    private async Task<JsonElement> DeliverAsync(long connector, string body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await db.Factory.CreateClient().PostAsync($"/api/connectors/{connector}/webhook", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(expected, response.StatusCode);
        return expected == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<JsonElement>() : default;
    }

    private Task SyncAsync(long connector, string opportunity) =>
        db.Factory.Services.GetRequiredService<SyncAtsRecord>().RunAsync(connector, opportunity, CancellationToken.None);

    [Fact]
    public async Task Signed_deliveries_fetch_the_opportunity_and_resume_and_store_the_person_once()
    {
        var connector = await ConnectAsync();
        _opportunities["opp-1"] = Opportunity("opp-1", "c-1", "Sam Rivera");
        _opportunities["opp-2"] = Opportunity("opp-2", "c-1", "Sam Rivera");

        await DeliverAsync(connector, Delivery("d-1", "candidateStageChange", "opp-1", signature: new string('a', 64)), HttpStatusCode.Unauthorized);
        Assert.Equal("accepted", (await DeliverAsync(connector, Delivery("d-1", "candidateStageChange", "opp-1"))).GetProperty("outcome").GetString());
        Assert.Equal("duplicate", (await DeliverAsync(connector, Delivery("d-1", "candidateStageChange", "opp-1"))).GetProperty("outcome").GetString());
        Assert.Equal("ignored", (await DeliverAsync(connector, Delivery("d-2", "contactUpdated", "opp-1"))).GetProperty("outcome").GetString());

        await SyncAsync(connector, "opp-1");
        await SyncAsync(connector, "opp-2"); // the same person applying to a second posting
        var candidate = await db.QuerySingleAsync<(long Id, string ExternalId, string LegalName)>("select id, external_id, legal_name from candidates");
        Assert.Equal(("lever:c-1", "Sam Rivera"), (candidate.ExternalId, candidate.LegalName));
        var dossier = JsonDocument.Parse(await db.QuerySingleAsync<string>("select dossier::text from candidate_revisions where candidate_id = @Id order by revision desc limit 1",
            new { candidate.Id })).RootElement;
        Assert.Equal("2018-03", dossier.GetProperty("employmentHistory")[0].GetProperty("startedOn").GetString());
        Assert.Equal("2014", dossier.GetProperty("education")[0].GetProperty("startedOn").GetString());
        Assert.Equal(2, await db.QuerySingleAsync<int>("select count(*)::int from ats_links where candidate_id = @Id", new { candidate.Id }));
    }

    [Fact]
    public async Task A_record_intake_refuses_is_logged_with_its_field_and_a_deleted_candidate_is_redacted()
    {
        var connector = await ConnectAsync();
        _opportunities["opp-9"] = Opportunity("opp-9", "c-9", "");
        await SyncAsync(connector, "opp-9");
        var refused = (await db.SendAsync(new GetConnectorLog.Query(connector))).First(e => e.Activity == "sync");
        Assert.Equal("rejected", refused.Outcome);
        Assert.Contains("legalName", refused.Detail);
        Assert.Equal(0, await db.QuerySingleAsync<int>("select count(*)::int from candidates"));

        _opportunities["opp-1"] = Opportunity("opp-1", "c-1", "Sam Rivera");
        await SyncAsync(connector, "opp-1");
        Assert.Equal("accepted", (await DeliverAsync(connector, Delivery("d-3", "candidateDeleted", "opp-1"))).GetProperty("outcome").GetString());
        Assert.Equal("(redacted)", await db.QuerySingleAsync<string>("select legal_name from candidates where external_id = 'lever:c-1'"));
        Assert.Equal(0, await db.QuerySingleAsync<int>("select count(*)::int from candidate_identifiers"));
    }
}
