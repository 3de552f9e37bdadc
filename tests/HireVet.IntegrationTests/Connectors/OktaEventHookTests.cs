using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using HireVet.Application.Common.Security;
using HireVet.Application.Connectors;
using HireVet.Application.Ingestion.Formats;
using HireVet.IntegrationTests.Infrastructure;

namespace HireVet.IntegrationTests.Connectors;

/// <summary>Okta Event Hooks on a connector: the one-time verification, the shared Authorization value, and the
/// published System Log events delivered in the CloudEvents envelope, stored once however often they come.</summary>
[Collection("db")]
public sealed class OktaEventHookTests(DatabaseFixture db) : IAsyncLifetime
{
    private static readonly string PublishedSample = Path.Combine(PublishedSamples.Formats, "okta", "beats-okta-system-test.json.log");

    public Task InitializeAsync() => db.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<(long Id, string Secret)> AddOktaAsync()
    {
        var added = await db.SendAsync(new AddConnector.Command { Kind = "okta", Name = "Okta", Settings = new() { ["orgUrl"] = "https://example.okta.com" } },
            "ada", Roles.Admin);
        return (added.Id, added.GeneratedSecrets["eventHookSecret"]);
    }

    private static string Delivery(IEnumerable<string> events) => new JsonObject
    {
        ["eventType"] = "com.okta.event_hook", ["eventTypeVersion"] = "1.0", ["cloudEventsVersion"] = "0.1", ["source"] = "https://example.okta.com/api/v1/eventHooks/who8",
        ["eventId"] = "b5a188b9-5ece-4636-b041-482ffda96311", ["eventTime"] = "2024-03-01T10:00:00Z", ["contentType"] = "application/json",
        ["data"] = new JsonObject { ["events"] = new JsonArray([.. events.Select(e => JsonNode.Parse(e))]) },
    }.ToJsonString();

    private HttpClient Anonymous() => db.Factory.CreateClient();

    [Fact]
    public async Task The_verification_request_is_answered_only_with_the_shared_secret()
    {
        var (id, secret) = await AddOktaAsync();
        var client = Anonymous();
        using var wrong = new HttpRequestMessage(HttpMethod.Get, $"/api/connectors/{id}/event-hook");
        wrong.Headers.Add("x-okta-verification-challenge", "abc");
        wrong.Headers.TryAddWithoutValidation("Authorization", "not-the-secret");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(wrong)).StatusCode);

        using var right = new HttpRequestMessage(HttpMethod.Get, $"/api/connectors/{id}/event-hook");
        right.Headers.Add("x-okta-verification-challenge", "X8Ug3TbNq7NLlHhH");
        right.Headers.TryAddWithoutValidation("Authorization", secret);
        var answer = await client.SendAsync(right);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("X8Ug3TbNq7NLlHhH", (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("verification").GetString());

        var log = await db.SendAsync(new GetConnectorLog.Query(id));
        Assert.Equal(("delivery", "refused"), (log.Single().Activity, log.Single().Outcome));
        // Another connector's secret, or none, is refused too; an unknown connector is not found by anyone.
        using var none = new HttpRequestMessage(HttpMethod.Get, $"/api/connectors/{id + 1}/event-hook");
        none.Headers.TryAddWithoutValidation("Authorization", secret);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(none)).StatusCode);
    }

    [Fact]
    public async Task Published_events_in_an_event_hook_are_stored_once_and_counted_on_the_connector()
    {
        var (id, secret) = await AddOktaAsync();
        var lines = File.ReadAllLines(PublishedSample).Where(l => l.Length > 0).ToArray();
        var expected = lines.Select(l => OktaSystemLog.Parse(JsonDocument.Parse(l).RootElement)).ToArray();
        var signIns = expected.Count(p => p.Event is not null);
        Assert.True(signIns > 0);

        async Task<JsonElement> DeliverAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/connectors/{id}/event-hook")
            {
                Content = new StringContent(Delivery(lines), Encoding.UTF8, "application/json"),
            };
            request.Headers.TryAddWithoutValidation("Authorization", secret);
            var response = await Anonymous().SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.Content.ReadFromJsonAsync<JsonElement>();
        }

        var first = await DeliverAsync();
        Assert.Equal((lines.Length, signIns, 0), (first.GetProperty("received").GetInt32(), first.GetProperty("accepted").GetInt32(), first.GetProperty("duplicates").GetInt32()));
        Assert.Equal(expected.Count(p => p.Skipped is not null), first.GetProperty("skipped").GetInt32());
        var again = await DeliverAsync(); // Okta delivers at least once
        Assert.Equal((0, signIns), (again.GetProperty("accepted").GetInt32(), again.GetProperty("duplicates").GetInt32()));

        var stored = await db.QueryAsync<string>("select event_id from sign_in_events where source = 'okta' order by event_id");
        Assert.Equal(expected.Where(p => p.Event is not null).Select(p => p.Event!.Event.EventId).Order(StringComparer.Ordinal), stored);
        var connector = (await db.SendAsync(new ListConnectors.Query())).Single();
        Assert.Equal((2 * lines.Length, (long)signIns, "ok"), (connector.Received, connector.Accepted, connector.Health));
    }

    [Fact]
    public async Task A_paused_connector_answers_503_so_Okta_delivers_again_later()
    {
        var (id, secret) = await AddOktaAsync();
        await db.SendAsync(new ChangeConnectorStatus.Command(id, ChangeConnectorStatus.Paused), "ada", Roles.Admin);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/connectors/{id}/event-hook")
        {
            Content = new StringContent(Delivery([File.ReadLines(PublishedSample).First()]), Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", secret);
        var response = await Anonymous().SendAsync(request);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(0, await db.QuerySingleAsync<int>("select count(*)::int from sign_in_events"));
    }
}
