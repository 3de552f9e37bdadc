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
    public void The_published_System_Log_sample_keeps_its_three_sign_ins_and_skips_the_other_events_by_type()
    {
        var parsed = PublishedSamples.Lines("okta/beats-okta-system-test.json.log").Select(l => OktaSystemLog.Parse(PublishedSamples.Parse(l))).ToArray();

        Assert.Equal(7, parsed.Length);
        Assert.All(parsed, p => Assert.Null(p.Errors));
        Assert.Equal(
            [
                "eventType 'user.session.end' is not a sign-in.", null, "eventType 'policy.evaluate_sign_on' is not a sign-in.",
                "eventType 'policy.evaluate_sign_on' is not a sign-in.",
                "eventType 'user.account.report_suspicious_activity_by_enduser' is not a sign-in.", null, null,
            ],
            parsed.Select(p => p.Skipped));
        var kept = parsed.Where(p => p.Event is not null).Select(p => p.Event!).ToArray();
        Assert.Equal(
            [
                ("3aeede38-4f67-11ea-abd3-1f5d113f2546", "2020-02-14T20:18:57.7180000+00:00", "xxxxxx@elastic.co", "67.43.156.12", true, "102bZDNFfWaQSyEZQuDgWt-uQ"),
                ("8ceedc94-d725-11ec-9d64-0242ac120002", "2022-05-11T09:25:18.7160000+00:00", "test@test.com", "81.2.69.144", true, "xxxxxx"),
                ("7e15e406-d725-11ec-9d64-0242ac120002", "2022-05-11T09:27:08.7080000+00:00", "test1@test.com", "67.43.156.14", true, "102nZHzd6OHSfGG51vsoc22gw"),
            ],
            kept.Select(k => (k.Event.EventId, k.Event.OccurredAt.ToString("O"), k.Principal, k.Event.Ip, k.Event.Succeeded, k.Event.SessionId)));
        Assert.All(kept, k => Assert.Equal("okta", k.Event.Source));
        Assert.Equal(("United States", "Dublin"), (kept[0].Event.ReportedCountry, kept[0].Event.ReportedCity));
    }

    [Fact]
    public void The_published_Event_Hook_delivery_opens_into_its_LogEvent_which_is_read()
    {
        var delivery = PublishedSamples.Parse(PublishedSamples.JsonBlocks("okta/oktadocs-concepts-event-hooks.md").Single());

        var parsed = Envelopes.Expand(delivery).Select(OktaSystemLog.Parse).Single();

        var e = parsed.Event!.Event;
        Assert.Equal("admin@okta.com", parsed.Event.Principal);
        Assert.Equal(("f1d0b993-cc19-11ed-a688-db22c99ef6c4", new DateTimeOffset(2023, 3, 26, 21, 5, 32, 159, TimeSpan.Zero), "142.126.158.61", true),
            (e.EventId, e.OccurredAt, e.Ip, e.Succeeded));
        Assert.Equal(("Canada", "Toronto", "idxyNcxVX2ESsSL0u462548Qg"), (e.ReportedCountry, e.ReportedCity, e.SessionId));
    }

    [Fact]
    public void An_Event_Hook_event_without_a_client_address_takes_it_from_the_client_ip_chain_where_hooks_put_it()
    {
        var block = PublishedSamples.JsonBlocks("okta/oktadocs-concepts-event-hooks.md").Single();
        var withoutAddress = block.Replace("\"ipAddress\": \"142.126.158.61\"", "\"ipAddress\": \"null\"", StringComparison.Ordinal);
        Assert.NotEqual(block, withoutAddress);

        var parsed = Envelopes.Expand(PublishedSamples.Parse(withoutAddress)).Select(OktaSystemLog.Parse).Single();

        Assert.Equal("142.126.158.61", parsed.Event!.Event.Ip);
    }

    [Fact]
    public void The_published_deactivation_event_is_skipped_as_not_a_sign_in()
    {
        var parsed = OktaSystemLog.Parse(PublishedSamples.Parse(PublishedSamples.JsonBlocks("okta/oktadocs-event-hook-event-object.md").Single()));

        Assert.Equal("eventType 'user.lifecycle.deactivate' is not a sign-in.", parsed.Skipped);
    }
}
