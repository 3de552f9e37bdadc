using System.Text.Json;
using HireVet.Application.Ingestion.Formats;

namespace HireVet.UnitTests.Ingestion;

/// <summary>Okta System Log events as Okta publishes them, including what trips a strict parser: a client address given
/// as the string "null" while request.ipChain holds it, and timestamps with 0 to 9 fractional-second digits.</summary>
public sealed class OktaSystemLogTests
{
    private static JsonElement Event(string ipAddress, string published, string? ipChain = null)
    {
        var chain = ipChain is null ? "" : "{\"ip\":\"" + ipChain + "\"}";
        return JsonDocument.Parse($$$"""
            {"uuid":"e-1","published":"{{{published}}}","eventType":"user.session.start",
             "actor":{"alternateId":"dana@example.com"},"outcome":{"result":"SUCCESS"},
             "client":{"ipAddress":{{{ipAddress}}}},
             "request":{"ipChain":[{{{chain}}}]}}
            """).RootElement;
    }

    [Fact]
    public void A_client_address_given_as_the_string_null_is_taken_from_the_request_ip_chain()
    {
        Assert.Equal("198.51.100.7", OktaSystemLog.Parse(Event("\"null\"", "2026-03-01T10:00:00.000Z", "198.51.100.7")).Event!.Event.Ip);
        Assert.Equal("2001:db8::7", OktaSystemLog.Parse(Event("null", "2026-03-01T10:00:00.000Z", "2001:db8::7")).Event!.Event.Ip);
        // No address anywhere: the sign-in is kept without one.
        Assert.Null(OktaSystemLog.Parse(Event("\"null\"", "2026-03-01T10:00:00.000Z")).Event!.Event.Ip);
        // A real client address wins over the chain; a malformed one is still an error naming the field.
        Assert.Equal("203.0.113.9", OktaSystemLog.Parse(Event("\"203.0.113.9\"", "2026-03-01T10:00:00Z", "198.51.100.7")).Event!.Event.Ip);
        Assert.Contains("client.ipAddress", OktaSystemLog.Parse(Event("\"999.1.1.1\"", "2026-03-01T10:00:00Z")).Errors!.Keys);
    }

    [Theory]
    [InlineData("2026-03-01T10:00:00Z")]
    [InlineData("2026-03-01T10:00:00.123Z")]
    [InlineData("2026-03-01T10:00:00.123456Z")]
    [InlineData("2026-03-01T10:00:00.1234567Z")]
    [InlineData("2026-03-01T10:00:00.123456789Z")]
    [InlineData("2026-03-01T11:00:00.123456789+01:00")]
    public void Timestamps_with_up_to_nine_fractional_digits_are_read(string published)
    {
        var at = OktaSystemLog.Parse(Event("\"203.0.113.9\"", published)).Event!.Event.OccurredAt;
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero), at.AddTicks(-(at.Ticks % TimeSpan.TicksPerSecond)));
    }

    [Fact]
    public void Every_event_of_the_published_sample_is_read_or_skipped_never_refused()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir.FullName, "HireVet.sln"))) dir = dir.Parent!;
        var sample = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", "formats", "okta", "beats-okta-system-test.json.log"));
        var lines = File.ReadLines(sample).Where(l => l.Trim().Length > 0).ToArray();
        Assert.NotEmpty(lines);
        foreach (var line in lines)
        {
            var parsed = OktaSystemLog.Parse(JsonDocument.Parse(line).RootElement);
            Assert.True(parsed.Errors is null, string.Join("; ", parsed.Errors?.Select(e => $"{e.Key}: {e.Value[0]}") ?? []));
        }
    }
}
