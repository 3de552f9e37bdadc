using System.Text;
using System.Text.Json;
using HireVet.Application.Ingestion;
using HireVet.Application.Ingestion.Formats;
using HireVet.Web.Endpoints;
using Microsoft.AspNetCore.Http;

namespace HireVet.UnitTests.Ingestion;

/// <summary>Envelopes opened into their events (Graph pages, Azure Monitor batches, Okta Event Hook deliveries), and
/// the upload bodies they arrive in: one value printed over several lines, NDJSON of envelopes, a JSON array.</summary>
public sealed class EnvelopesTests
{
    private static string SignIn(string id) =>
        $$$"""{"id":"{{{id}}}","createdDateTime":"2026-03-01T10:00:00Z","userPrincipalName":"dana@example.com","ipAddress":"203.0.113.9","status":{"errorCode":0}}""";

    private static string Page(params string[] ids) =>
        $$"""{"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#auditLogs/signIns","value":[{{string.Join(",", ids.Select(SignIn))}}],"@odata.nextLink":"https://graph.microsoft.com/v1.0/auditLogs/signIns?$skiptoken=x"}""";

    private static string Record(string id, string category = "SignInLogs") =>
        $$$"""{"time":"2026-03-01T10:05:00Z","category":"{{{category}}}","properties":{{{SignIn(id)}}}}""";

    private static string Ids(JsonElement element) =>
        string.Join(",", Envelopes.Expand(element).Select(e => new EventFields(e).Text("id") ?? new EventFields(e).Text("uuid") ?? new EventFields(e).Text("properties.id")));

    [Fact]
    public void A_Graph_page_an_Azure_Monitor_batch_and_an_Okta_Event_Hook_delivery_open_into_their_events_in_order()
    {
        Assert.Equal("a,b,c", Ids(PublishedSamples.Parse(Page("a", "b", "c"))));
        Assert.Equal("r1,r2", Ids(PublishedSamples.Parse($$"""{"records":[{{Record("r1")}},{{Record("r2", "ManagedIdentitySignInLogs")}}]}""")));
        Assert.Equal("u1,u2", Ids(PublishedSamples.Parse("""
            {"eventType":"com.okta.event_hook","cloudEventsVersion":"0.1","eventId":"h-1",
             "data":{"events":[{"uuid":"u1","eventType":"user.session.start"},{"uuid":"u2","eventType":"user.lifecycle.deactivate"}]}}
            """)));
        Assert.Empty(Envelopes.Expand(PublishedSamples.Parse("""{"@odata.context":"x","value":[]}""")));
    }

    [Fact]
    public void Anything_else_is_an_event_of_its_own()
    {
        Assert.Equal("s-1", Ids(PublishedSamples.Parse(SignIn("s-1"))));
        Assert.Equal("r1", Ids(PublishedSamples.Parse(Record("r1"))));
        // A `value` beside fields other than OData annotations is an event's field, not a page.
        Assert.Equal("v-1", Ids(PublishedSamples.Parse("""{"id":"v-1","value":[1,2]}""")));
        Assert.Equal("v-2", Ids(PublishedSamples.Parse("""{"id":"v-2","value":"x"}""")));
        Assert.Equal("d-1", Ids(PublishedSamples.Parse("""{"id":"d-1","data":{"events":"none"}}""")));
        Assert.Single(Envelopes.Expand(PublishedSamples.Parse("[1,2]")));
        Assert.Single(Envelopes.Expand(PublishedSamples.Parse("\"text\"")));
    }

    private sealed record Seen(int Line, int? Position, string? Id, string? Error);

    private static async Task<List<Seen>> ReadAsync(string body, int maxObject = UploadBody.MaxEnvelope)
    {
        var http = new DefaultHttpContext();
        http.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        http.Request.ContentType = "application/json";
        var seen = new List<Seen>();
        await foreach (var item in Envelopes.Expand(UploadBody.ReadAsync(http.Request, csv: false, maxObject, CancellationToken.None)))
        {
            var id = item.Element is { } e ? new EventFields(e).Text("id") ?? new EventFields(e).Text("properties.id") ?? new EventFields(e).Text("uuid") : null;
            seen.Add(new Seen(item.Number, item.Position, id, item.Error?.Single() is { } error ? $"{error.Key}: {error.Value[0]}" : null));
        }
        return seen;
    }

    private static string Indented(string json) => JsonSerializer.Serialize(JsonDocument.Parse(json).RootElement, new JsonSerializerOptions { WriteIndented = true });

    [Fact]
    public async Task A_body_that_is_one_page_printed_over_many_lines_is_read_whole_and_each_sign_in_is_an_item()
    {
        Assert.Equal([new Seen(1, 1, "a", null), new Seen(1, 2, "b", null), new Seen(1, 3, "c", null)], await ReadAsync(Indented(Page("a", "b", "c"))));
        Assert.Equal([new Seen(1, 1, "r1", null), new Seen(1, 2, "r2", null)],
            await ReadAsync(Indented($$"""{"records":[{{Record("r1")}},{{Record("r2")}}]}""")));
        // The beta page exactly as Microsoft's documentation prints it, with duplicate keys and leading blank lines.
        var published = PublishedSamples.JsonBlocks("entra/msgraph-docs-beta-signin-list.md")[0];
        Assert.Equal([new Seen(3, 1, "1691d37b-8579-43a7-966a-0f35583c1300", null)], await ReadAsync("\n\n" + published));
        // One signIn printed over several lines is one item too.
        Assert.Equal([new Seen(1, null, "s-1", null)], await ReadAsync(Indented(SignIn("s-1"))));
    }

    [Fact]
    public async Task A_body_of_one_value_that_is_not_valid_JSON_is_one_error_naming_its_line()
    {
        var published = PublishedSamples.JsonBlocks("entra/msgraph-docs-v1.0-signin-list.md")[0]; // a trailing comma, as published

        var only = Assert.Single(await ReadAsync(published));

        Assert.Null(only.Id);
        Assert.StartsWith("body: The body is one JSON value over several lines, not valid JSON on this line: ", only.Error);
        Assert.Contains("trailing comma", only.Error);
        Assert.Equal("]", published.Split('\n')[only.Line - 1].Trim());
    }

    [Fact]
    public async Task A_body_of_one_value_is_bounded()
    {
        var body = Indented(Page("a", "b", "c", "d", "e", "f", "g", "h"));
        Assert.Equal(8, (await ReadAsync(body, maxObject: body.Length + 100)).Count);

        var only = Assert.Single(await ReadAsync(body, maxObject: 1000));
        Assert.Equal("body: The body is one JSON value over several lines and longer than 1000 bytes: send its events as a JSON array or NDJSON (one a line).", only.Error);
    }

    [Fact]
    public async Task NDJSON_lines_may_be_envelopes_each_event_numbered_by_its_line_and_its_place_in_the_envelope()
    {
        var hook = """{"eventType":"com.okta.event_hook","data":{"events":[{"uuid":"u1"}]}}""";
        var body = string.Join('\n',
            Page("a", "b"), "", SignIn("s-1"), $$"""{"records":[{{Record("r1")}},{{Record("r2")}}]}""", "{\"id\": broken", hook, Record("r3"), Page());

        Assert.Equal(
            [
                new Seen(1, 1, "a", null), new Seen(1, 2, "b", null), new Seen(3, null, "s-1", null), new Seen(4, 1, "r1", null),
                new Seen(4, 2, "r2", null), new Seen(5, null, null, "event: Not valid JSON: 'b' is an invalid start of a value."),
                new Seen(6, 1, "u1", null), new Seen(7, null, "r3", null),
            ],
            await ReadAsync(body));
    }

    [Fact]
    public async Task NDJSON_whose_first_line_is_cut_short_keeps_its_errors_by_line()
    {
        var seen = await ReadAsync(string.Join('\n', "{\"id\":\"s-0\",", SignIn("s-1"), "{\"id\": \"s-2\"", SignIn("s-3")));

        Assert.Equal(new (int, string?)[] { (1, null), (2, "s-1"), (3, null), (4, "s-3") }, seen.Select(s => (s.Line, s.Id)));
        Assert.NotNull(seen[0].Error);
        Assert.NotNull(seen[2].Error);
    }

    [Fact]
    public async Task The_published_Azure_Monitor_storage_export_is_one_record_a_line()
    {
        var seen = await ReadAsync(string.Join('\n', PublishedSamples.Lines("entra/elastic-integrations-signinlogs-test-signinlogs-raw.log")));

        Assert.Equal([1, 2, 3, 4, 5], seen.Select(s => s.Line));
        Assert.All(seen, s => Assert.Equal((null, "8a4de8b5-095c-47d0-a96f-a75130c61d53", null), (s.Position, s.Id, s.Error)));
    }

    [Fact]
    public async Task A_JSON_array_of_pages_numbers_their_events_by_array_position_and_place_in_the_page()
    {
        Assert.Equal([new Seen(1, 1, "a", null), new Seen(1, 2, "b", null), new Seen(2, null, "s-1", null), new Seen(3, 1, "c", null)],
            await ReadAsync($"[{Page("a", "b")},{SignIn("s-1")},{Page("c")}]"));
    }

    [Fact]
    public async Task A_page_on_one_line_may_be_larger_than_an_event_line_but_not_than_the_envelope_limit()
    {
        var large = $$"""{"value":[{"id":"big","padding":"{{new string('x', 2 * 1_048_576)}}"}]}""";

        Assert.Equal([new Seen(1, 1, "big", null)], await ReadAsync(large));
        Assert.Equal($"event: The line is longer than {UploadBody.MaxLine} bytes.", Assert.Single(await ReadAsync(large, UploadBody.MaxLine)).Error);
    }
}
