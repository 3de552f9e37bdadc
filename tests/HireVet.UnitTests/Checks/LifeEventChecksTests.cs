using HireVet.Application.Checks;
using HireVet.Application.Checks.Contact;
using HireVet.Application.Checks.Network;
using HireVet.Application.Checks.Payroll;
using HireVet.Application.Dossiers;
using static HireVet.UnitTests.Checks.CheckTestData;

namespace HireVet.UnitTests.Checks;

/// <summary>Which signals the checks place in a country (an ordinary life event there could explain them) and which
/// they leave unplaced, on real network rows: Comcast (US), Deutsche Telekom (DE), Chinanet (CN).</summary>
public sealed class LifeEventChecksTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 16, 15, 0, 0, TimeSpan.Zero);
    private const string Comcast = "73.162.10.20";
    private const string Telekom = "79.192.0.1";
    private const string Chinanet = "36.96.0.1";

    private static Dossier SeenAt(params (string Ip, DateTimeOffset At, string? Zone)[] seen) => Honest with
    {
        ClaimedTimeZone = "America/Chicago",
        NetworkObservations = [.. seen.Select(s => new NetworkObservation { Ip = s.Ip, ObservedAt = s.At, Context = "assessment", DeviceTimeZone = s.Zone })],
    };

    private static VettingContext With(Dossier d) => new(1, d, [], TestReferenceData.Snapshot);

    private static RawSignal Abroad(Dossier d) =>
        Assert.Single(new NetworkOriginCheck().Run(With(d)).Signals, s => s is { IndicatorId: "NET-08", Severity: Severity.Medium });

    [Fact]
    public void A_single_session_abroad_is_placed_as_a_trip()
    {
        var signal = Abroad(SeenAt((Comcast, Monday, null), (Telekom, Monday.AddDays(4), null)));

        Assert.Equal("DE", signal.Place);
        Assert.Equal("trip", signal.Evidence["explainedBy"]!.GetValue<string>());
        Assert.Contains("a single session abroad", signal.Explanation);
    }

    [Fact]
    public void Sightings_abroad_over_months_that_no_declaration_mentions_stay_unplaced()
    {
        var signal = Abroad(SeenAt((Comcast, Monday, null), (Telekom, Monday.AddDays(-90), null), (Telekom, Monday.AddDays(-5), null)));

        Assert.Null(signal.Place);
    }

    [Fact]
    public void Sightings_in_a_country_the_bank_is_in_are_placed_as_ties()
    {
        var d = SeenAt((Comcast, Monday, null), (Telekom, Monday.AddDays(-90), null), (Telekom, Monday.AddDays(-5), null)) with
        {
            PayrollDestination = new() { Method = "bank_transfer", AccountHolderName = "Sang-Man Kim", Iban = "DE89370400440532013000" },
        };

        var signal = Abroad(d);

        Assert.Equal("DE", signal.Place);
        Assert.Equal("ties", signal.Evidence["explainedBy"]!.GetValue<string>());
    }

    [Fact]
    public void A_network_in_China_is_never_placed_even_for_one_session()
    {
        var signal = Abroad(SeenAt((Comcast, Monday, null), (Chinanet, Monday.AddDays(4), null)));

        Assert.Equal("NET-08", signal.IndicatorId);
        Assert.Null(signal.Place);
        Assert.Contains("China and Russia", signal.Explanation);
    }

    [Fact]
    public void A_clock_on_the_trip_countrys_time_is_consistent_even_on_a_home_sighting_of_the_same_weeks()
    {
        // The clock still on Berlin time when the candidate is back on the home connection two days later.
        var d = SeenAt((Telekom, Monday, "Europe/Berlin"), (Comcast, Monday.AddDays(2), "Europe/Berlin"));

        Assert.Equal(CheckResult.NotFired, new TimeZoneCheck().Run(With(d)));
    }

    [Fact]
    public void A_clock_on_a_Chinese_trips_time_is_consistent_only_on_that_connection()
    {
        Assert.Equal(CheckResult.NotFired, new TimeZoneCheck().Run(With(SeenAt((Chinanet, Monday, "Asia/Shanghai")))));
        var signal = Assert.Single(new TimeZoneCheck().Run(With(SeenAt((Chinanet, Monday, null), (Comcast, Monday.AddDays(2), "Asia/Shanghai")))).Signals);
        Assert.Null(signal.Place);
    }

    [Theory]
    [InlineData("Europe/Berlin")]
    [InlineData("Europe/Paris")] // same time as Germany: the clock shows the time, not the name
    [InlineData("W. Europe Standard Time")] // a Windows id
    public void A_clock_showing_the_time_of_the_country_of_the_connection_is_consistent(string zone)
    {
        Assert.Equal(CheckResult.NotFired, new TimeZoneCheck().Run(With(SeenAt((Telekom, Monday, zone)))));
    }

    [Fact]
    public void A_clock_left_on_the_time_of_the_country_of_the_bank_is_placed_there()
    {
        var d = SeenAt((Comcast, Monday, "Europe/Berlin")) with
        {
            PayrollDestination = new() { Method = "bank_transfer", AccountHolderName = "Sang-Man Kim", Iban = "DE89370400440532013000" },
        };

        var signal = Assert.Single(new TimeZoneCheck().Run(With(d)).Signals);

        Assert.Equal(("NET-09", "DE"), (signal.IndicatorId, signal.Place));
    }

    [Fact]
    public void A_clock_of_a_country_nothing_ties_the_candidate_to_is_unplaced()
    {
        var signal = Assert.Single(new TimeZoneCheck().Run(With(SeenAt((Comcast, Monday, "Asia/Seoul")))).Signals);
        Assert.Null(signal.Place);
    }

    [Fact]
    public void A_bank_abroad_is_placed_in_its_country_but_a_PRC_bank_is_not()
    {
        static RawSignal Bank(string iban) => Assert.Single(new BankCountryCheck().Run(With(Honest with
        {
            PayrollDestination = new() { Method = "bank_transfer", AccountHolderName = "Sang-Man Kim", Iban = iban },
        })).Signals);

        Assert.Equal("DE", Bank("DE89370400440532013000").Place);
        var prc = Assert.Single(new BankCountryCheck().Run(With(Honest with
        {
            PayrollDestination = new() { Method = "bank_transfer", AccountHolderName = "Sang-Man Kim", BankCountry = "CN", AccountNumber = "6222020200112233445" },
        })).Signals);
        Assert.Equal((Severity.High, null), (prc.Severity, prc.Place));
    }

    [Fact]
    public void A_phone_number_of_another_country_is_placed_there()
    {
        var foreign = Assert.Single(new PhoneCountryCheck().Run(With(Honest with { Phone = "+4915112345678" })).Signals);
        Assert.Equal(("ID-01", Severity.Low, "DE"), (foreign.IndicatorId, foreign.Severity, foreign.Place));
    }

    [Fact]
    public void A_clock_far_only_during_one_stay_with_the_home_clock_around_it_is_a_trip_behind_a_travel_router()
    {
        // Every sighting on the home connection (a travel router tunnelling home), the clock on Berlin time for a week.
        var d = SeenAt((Comcast, Monday, "America/Chicago"), (Comcast, Monday.AddDays(5), "Europe/Berlin"),
            (Comcast, Monday.AddDays(7), "Europe/Berlin"), (Comcast, Monday.AddDays(14), "America/Chicago"));

        var signal = Assert.Single(new TimeZoneCheck().Run(With(d)).Signals);

        Assert.Equal(("NET-09", Severity.Low, "DE"), (signal.IndicatorId, signal.Severity, signal.Place));
        Assert.Contains("travel router", signal.Explanation);
    }

    [Fact]
    public void A_clock_far_throughout_or_around_a_home_reading_is_not_a_trip()
    {
        var throughout = SeenAt((Comcast, Monday, "Asia/Seoul"), (Comcast, Monday.AddDays(5), "Asia/Seoul"), (Comcast, Monday.AddDays(9), "Asia/Seoul"));
        var interleaved = SeenAt((Comcast, Monday, "America/Chicago"), (Comcast, Monday.AddDays(2), "Asia/Seoul"),
            (Comcast, Monday.AddDays(4), "America/Chicago"), (Comcast, Monday.AddDays(6), "Asia/Seoul"), (Comcast, Monday.AddDays(9), "America/Chicago"));

        Assert.Equal(Severity.Medium, Assert.Single(new TimeZoneCheck().Run(With(throughout)).Signals).Severity);
        Assert.Equal(Severity.Medium, Assert.Single(new TimeZoneCheck().Run(With(interleaved)).Signals).Severity);
    }

    [Fact]
    public void A_trip_still_going_on_is_one_when_the_far_readings_are_no_more_than_the_home_ones()
    {
        var ongoing = SeenAt((Comcast, Monday, "America/Chicago"), (Comcast, Monday.AddDays(3), "America/Chicago"),
            (Comcast, Monday.AddDays(6), "America/Chicago"), (Comcast, Monday.AddDays(9), "Europe/Berlin"), (Comcast, Monday.AddDays(10), "Europe/Berlin"));
        var mostly = SeenAt((Comcast, Monday, "America/Chicago"), (Comcast, Monday.AddDays(3), "Asia/Seoul"),
            (Comcast, Monday.AddDays(6), "Asia/Seoul"), (Comcast, Monday.AddDays(9), "Asia/Seoul"));

        Assert.Equal(Severity.Low, Assert.Single(new TimeZoneCheck().Run(With(ongoing)).Signals).Severity);
        Assert.Equal(Severity.Medium, Assert.Single(new TimeZoneCheck().Run(With(mostly)).Signals).Severity);
    }

    [Fact]
    public void A_far_clock_read_in_the_night_of_its_zone_is_not_a_trip()
    {
        // 15:00 UTC is 00:00 in Seoul: office hours in Chicago, the middle of the night where the clock says it is.
        var d = SeenAt((Comcast, Monday.AddDays(-3), "America/Chicago"), (Comcast, Monday.AddDays(-1), "America/Chicago"), (Comcast, Monday, "Asia/Seoul"));

        Assert.Equal(Severity.Medium, Assert.Single(new TimeZoneCheck().Run(With(d)).Signals).Severity);
    }
}
