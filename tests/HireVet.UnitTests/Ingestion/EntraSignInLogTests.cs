using System.Text.Json;
using System.Text.RegularExpressions;
using HireVet.Application.Ingestion;
using HireVet.Application.Ingestion.Formats;

namespace HireVet.UnitTests.Ingestion;

/// <summary>Entra sign-ins as Microsoft publishes them: Graph signIn pages (v1.0, beta with duplicate keys, the 2018
/// beta shape) and Azure Monitor diagnostic records of five categories.</summary>
public sealed class EntraSignInLogTests
{
    private const string AzureMonitorSample = "entra/elastic-integrations-signinlogs-test-signinlogs-raw.log";

    private static Parsed<IncomingSignIn> Parse(string json) => EntraSignInLog.Parse(PublishedSamples.Parse(json));

    private static Parsed<IncomingSignIn>[] ParsePage(string page) => [.. Envelopes.Expand(PublishedSamples.Parse(page)).Select(EntraSignInLog.Parse)];

    private static string SignIn(string createdDateTime = "2026-03-01T10:00:00Z", string ipAddress = "\"203.0.113.9\"", string location = "{}", string extra = "") =>
        $$$"""
        {"id":"s-1","createdDateTime":"{{{createdDateTime}}}","userPrincipalName":"Dana@Example.com","ipAddress":{{{ipAddress}}},
         "status":{"errorCode":0},"location":{{{location}}}{{{extra}}}}
        """;

    [Fact]
    public void Every_record_of_the_published_Azure_Monitor_sample_is_read_skipped_by_category_or_refused_by_field()
    {
        var parsed = PublishedSamples.Lines(AzureMonitorSample).Select(Parse).ToArray();

        Assert.Equal(5, parsed.Length);
        var signIn = parsed[0].Event!;
        Assert.Equal("test@elastic.co", signIn.Principal);
        Assert.Equal(("8a4de8b5-095c-47d0-a96f-a75130c61d53", "entra", "81.2.69.144", false),
            (signIn.Event.EventId, signIn.Event.Source, signIn.Event.Ip, signIn.Event.Succeeded)); // 50140: the 'Keep me signed in' interrupt
        Assert.Equal(new DateTimeOffset(2019, 10, 18, 9, 45, 48, TimeSpan.Zero).AddTicks(729893), signIn.Event.OccurredAt);
        Assert.Equal(("FR", "Champs-Sur-Marne", "Chrome 77.0.3865", null, "8a4de8b5-095c-47d0-a96f-a75130c61d53"),
            (signIn.Event.ReportedCountry, signIn.Event.ReportedCity, signIn.Event.UserAgent, signIn.Event.DeviceId, signIn.Event.SessionId));

        // The non-interactive sign-in names its user by object id, not by a principal name a worker could have.
        Assert.Equal(["properties.userPrincipalName"], parsed[1].Errors!.Keys);
        Assert.Equal(
            [
                "category 'ServicePrincipalSignInLogs' is not a user's sign-in.",
                "category 'MicrosoftServicePrincipalSignInLogs' is not a user's sign-in.",
                "category 'ManagedIdentitySignInLogs' is not a user's sign-in.",
            ],
            parsed[2..].Select(p => p.Skipped));
    }

    [Fact]
    public void A_record_s_sign_in_time_is_the_sign_in_s_createdDateTime_not_the_time_Azure_wrote_the_record()
    {
        var record = """
            {"time":"2026-03-01T10:12:00Z","category":"NonInteractiveUserSignInLogs",
             "properties":{"id":"s-9","createdDateTime":"2026-03-01T10:00:00.5Z","userPrincipalName":"dana@example.com",
                           "ipAddress":"203.0.113.9","status":{"errorCode":0}}}
            """;

        var parsed = Parse(record).Event!;

        Assert.Equal(new DateTimeOffset(2026, 3, 1, 10, 0, 0, 500, TimeSpan.Zero), parsed.Event.OccurredAt);
        Assert.True(parsed.Event.Succeeded);
    }

    [Fact]
    public void A_record_s_field_names_are_read_whatever_their_case_and_errors_name_the_record_s_fields()
    {
        var record = """
            {"Time":"2026-03-01T10:12:00Z","Category":"SignInLogs","Level":"4",
             "Properties":{"Id":"s-9","CreatedDateTime":"2026-03-01T10:00:00Z","UserPrincipalName":"dana@example.com",
                           "IPAddress":"203.0.113.9","Status":{"ErrorCode":50126}}}
            """;
        var read = Parse(record).Event!.Event;
        Assert.Equal(("s-9", "203.0.113.9", false), (read.EventId, read.Ip, read.Succeeded));

        var refused = Parse("""{"category":"SignInLogs","properties":{"id":"s-9","userPrincipalName":"dana@example.com","ipAddress":"1.2.3","status":{}}}""");
        Assert.Equal(["properties.createdDateTime", "properties.ipAddress", "properties.status.errorCode"], refused.Errors!.Keys.Order());
        Assert.Equal(["category"], Parse("""{"properties":{"id":"s-9"}}""").Errors!.Keys);
        Assert.Equal(["properties"], Parse("""{"category":"SignInLogs","properties":"s-9"}""").Errors!.Keys);
    }

    [Fact]
    public void The_published_v1_page_is_not_valid_JSON_as_published_and_without_its_trailing_comma_its_sign_in_is_read()
    {
        var pages = PublishedSamples.JsonBlocks("entra/msgraph-docs-v1.0-signin-list.md");
        Assert.Equal(2, pages.Length);
        foreach (var page in pages)
        {
            Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(page));

            var signIn = ParsePage(Regex.Replace(page, @"\},\s*\]", "}]")).Single().Event!;

            Assert.Equal("testaccount1@contoso.com", signIn.Principal);
            Assert.Equal(("66ea54eb-6301-4ee5-be62-ff5a759b0100", "131.107.159.37", true),
                (signIn.Event.EventId, signIn.Event.Ip, signIn.Event.Succeeded));
            Assert.Equal(new DateTimeOffset(2020, 3, 13, 19, 15, 41, TimeSpan.Zero).AddTicks(6195833), signIn.Event.OccurredAt);
            Assert.Equal(("US", "Redmond", "Edge 80.0.361", null, "d79f5bee-5860-4832-928f-3133e22ae912"),
                (signIn.Event.ReportedCountry, signIn.Event.ReportedCity, signIn.Event.UserAgent, signIn.Event.DeviceId, signIn.Event.SessionId));
        }
    }

    [Fact]
    public void The_published_beta_page_with_duplicate_keys_and_empty_coordinates_is_read_with_its_user_agent()
    {
        var pages = PublishedSamples.JsonBlocks("entra/msgraph-docs-beta-signin-list.md");
        Assert.Equal(2, pages.Length);
        foreach (var page in pages)
        {
            var signIn = ParsePage(page).Single().Event!;

            Assert.Equal("testaccount1@contoso.com", signIn.Principal);
            Assert.Equal(("1691d37b-8579-43a7-966a-0f35583c1300", "131.107.159.37", false), // 50126: wrong password
                (signIn.Event.EventId, signIn.Event.Ip, signIn.Event.Succeeded));
            Assert.Equal(new DateTimeOffset(2021, 6, 30, 16, 34, 32, TimeSpan.Zero), signIn.Event.OccurredAt);
            Assert.StartsWith("Mozilla/5.0 (Windows NT 10.0; Win64; x64)", signIn.Event.UserAgent);
            Assert.Equal(("US", "Redmond", null, "5d295068-919b-4017-85d8-44be2f5f5483"),
                (signIn.Event.ReportedCountry, signIn.Event.ReportedCity, signIn.Event.DeviceId, signIn.Event.SessionId));
        }
    }

    [Fact]
    public void The_published_2018_beta_shape_is_read_with_its_country_as_sent()
    {
        var signIn = ParsePage(PublishedSamples.JsonBlocks("entra/msgraph-docs-beta-signin-get.md").Single()).Single().Event!;

        Assert.Equal("jdoe@contoso.com", signIn.Principal);
        Assert.Equal(("id", "127.0.0.1", true), (signIn.Event.EventId, signIn.Event.Ip, signIn.Event.Succeeded));
        Assert.Equal(new DateTimeOffset(2018, 1, 9, 21, 17, 21, TimeSpan.Zero).AddTicks(5077253), signIn.Event.OccurredAt);
        // The provider's own geolocation is kept as sent ("USA"); HireVet's lookup of the address is what checks trust.
        Assert.Equal(("USA", "Redmond", "34390ed6-52b3-4102-aeff-aad2292abac3", "Rich Client v3.14.1592.7"),
            (signIn.Event.ReportedCountry, signIn.Event.ReportedCity, signIn.Event.DeviceId, signIn.Event.UserAgent));
    }

    [Theory]
    [InlineData("2026-03-01T10:00:00Z", 0)]
    [InlineData("2026-03-01T10:00:00.123Z", 1_230_000)]
    [InlineData("2026-03-01T10:00:00.123456Z", 1_234_560)]
    [InlineData("2026-03-01T10:00:00.1234567Z", 1_234_567)]
    [InlineData("2026-03-01T10:00:00.123456789Z", 1_234_567)]
    [InlineData("2026-03-01T05:00:00.1234567-05:00", 1_234_567)]
    public void Times_with_0_3_6_7_or_9_fractional_digits_are_read(string createdDateTime, long ticks)
    {
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero).AddTicks(ticks), Parse(SignIn(createdDateTime)).Event!.Event.OccurredAt);
    }

    [Theory]
    [InlineData("\"2001:DB8::1\"", "2001:db8::1")]
    [InlineData("\"2a01:111:f400::a1\"", "2a01:111:f400::a1")]
    [InlineData("\"::ffff:203.0.113.9\"", "::ffff:203.0.113.9")]
    [InlineData("\"\"", null)]
    [InlineData("null", null)]
    public void IPv6_addresses_are_read_and_a_missing_address_is_no_error(string ipAddress, string? expected)
    {
        Assert.Equal(expected, Parse(SignIn(ipAddress: ipAddress)).Event!.Event.Ip);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("null")]
    [InlineData("\"\"")]
    [InlineData("""{"city":"","state":"","countryOrRegion":"","geoCoordinates":{}}""")]
    [InlineData("""{"city":null,"countryOrRegion":null,"geoCoordinates":{"altitude":null,"latitude":null,"longitude":null}}""")]
    public void Missing_or_empty_geography_is_no_error(string location)
    {
        var parsed = Parse(SignIn(location: location));

        Assert.Null(parsed.Errors);
        Assert.Equal((null, null), (parsed.Event!.Event.ReportedCountry, parsed.Event.Event.ReportedCity));
    }

    [Theory]
    [InlineData(""","signInEventTypes":["servicePrincipal"]""", "signInEventTypes [servicePrincipal] is not a user's sign-in.")]
    [InlineData(""","signInEventTypes":["managedIdentity"]""", "signInEventTypes [managedIdentity] is not a user's sign-in.")]
    [InlineData(",\"userType\":\"servicePrincipal\"", "userType 'servicePrincipal' is not a user's sign-in.")]
    [InlineData(",\"signInEventTypes\":[\"interactiveUser\"],\"userType\":\"member\"", null)]
    [InlineData(""","signInEventTypes":["nonInteractiveUser","servicePrincipal"]""", null)]
    [InlineData(""","signInEventTypes":[]""", null)]
    public void A_Graph_sign_in_that_says_it_is_a_service_principal_s_is_skipped(string extra, string? skipped)
    {
        var parsed = Parse(SignIn(extra: extra));

        Assert.Equal(skipped, parsed.Skipped);
        Assert.Equal(skipped is null, parsed.Event is not null);
    }

    [Fact]
    public void A_service_principal_s_sign_in_without_a_user_is_skipped_not_refused()
    {
        var parsed = Parse("""{"id":"sp-1","createdDateTime":"2026-03-01T10:00:00Z","userPrincipalName":null,"servicePrincipalId":"9a1","signInEventTypes":["servicePrincipal"],"status":{"errorCode":0}}""");

        Assert.Equal("signInEventTypes [servicePrincipal] is not a user's sign-in.", parsed.Skipped);
    }
}
