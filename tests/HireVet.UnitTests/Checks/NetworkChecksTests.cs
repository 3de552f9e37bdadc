using HireVet.Application.Checks;
using HireVet.Application.Checks.Links;
using HireVet.Application.Checks.Network;
using HireVet.Application.Dossiers;
using HireVet.Application.ReferenceData;
using HireVet.Application.Vetting.Scoring;
using static HireVet.UnitTests.Checks.CheckTestData;

namespace HireVet.UnitTests.Checks;

public sealed class NetworkChecksTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 16, 15, 0, 0, TimeSpan.Zero);

    // Real rows: Comcast (AS7922, US residential), Star JV (AS131279, the DPRK block), a NordVPN/M247 exit,
    // Google (AS15169, datacenter), an Apple iCloud Private Relay egress on Cloudflare.
    private const string Comcast = "73.162.10.20";
    private const string Pyongyang = "175.45.176.10";
    private const string Google = "8.8.8.8";

    private static Dossier SeenAt(params (string Ip, DateTimeOffset At, string? DeviceTimeZone)[] seen) => Honest with
    {
        ClaimedTimeZone = "America/Chicago",
        NetworkObservations = seen.Select(s => new NetworkObservation { Ip = s.Ip, ObservedAt = s.At, Context = "application", DeviceTimeZone = s.DeviceTimeZone }).ToArray(),
    };

    private static VettingContext With(Dossier d) => new(1, d, [], TestReferenceData.Snapshot);

    // The first address of the first range in the VPN list that enriches as wanted (real rows, not guessed ones).
    private static string FirstVpnAddress(Func<HireVet.Application.ReferenceData.Network.IpInfo, bool> wanted)
    {
        var network = TestReferenceData.Network;
        return ToIp(network.VpnRanges.IPv4Ranges.Select(r => r.First).First(ip => wanted(network.Enrich(ToIp(ip))))).ToString();
    }

    private static string VpnExit() => FirstVpnAddress(i => i is { IsVpn: true, IsICloudPrivateRelay: false, Asn: 136787 or 9009 });

    private static string RelayEgress() => FirstVpnAddress(i => i.IsICloudPrivateRelay);

    private static System.Net.IPAddress ToIp(uint v) => new([(byte)(v >> 24), (byte)(v >> 16), (byte)(v >> 8), (byte)v]);

    [Fact]
    public void A_home_connection_in_the_claimed_country_raises_nothing()
    {
        Assert.Equal(CheckResult.NotFired, new NetworkOriginCheck().Run(With(SeenAt((Comcast, Monday, "America/Chicago")))));
    }

    [Fact]
    public void An_address_in_the_DPRK_block_raises_NET_08_high_with_the_network_as_evidence()
    {
        var signals = new NetworkOriginCheck().Run(With(SeenAt((Comcast, Monday, null), (Pyongyang, Monday.AddDays(1), null)))).Signals;

        var dprk = Assert.Single(signals, s => s.Severity == Severity.High);
        Assert.Equal("NET-08", dprk.IndicatorId);
        var address = dprk.Evidence["addresses"]![0]!;
        Assert.Equal((Pyongyang, 131279, "KP"), (address["ip"]!.GetValue<string>(), address["asn"]!.GetValue<int>(), address["registeredCountry"]!.GetValue<string>()));
        Assert.DoesNotContain(signals, s => s.Severity == Severity.Medium && s.IndicatorId == "NET-08"); // not counted again as "abroad"
    }

    [Fact]
    public void A_VPN_exit_raises_NET_07_and_is_left_out_of_the_country_comparison()
    {
        var signals = new NetworkOriginCheck().Run(With(SeenAt((VpnExit(), Monday, null)))).Signals;

        var vpn = Assert.Single(signals);
        Assert.Equal(("NET-07", Severity.Medium), (vpn.IndicatorId, vpn.Severity));
    }

    [Fact]
    public void A_datacenter_address_raises_NET_04()
    {
        var signal = Assert.Single(new NetworkOriginCheck().Run(With(SeenAt((Google, Monday, null)))).Signals);
        Assert.Equal("NET-04", signal.IndicatorId);
        Assert.Contains("Google", signal.Explanation);
    }

    [Fact]
    public void Apple_private_relay_is_low_context_only()
    {
        var signal = Assert.Single(new NetworkOriginCheck().Run(With(SeenAt((RelayEgress(), Monday, null)))).Signals);
        Assert.Equal(("NET-07", Severity.Low), (signal.IndicatorId, signal.Severity));
        Assert.Equal(0, Ruleset.Embedded.WeightOf("NET-07", Severity.Low));
    }

    [Fact]
    public void A_residential_address_registered_abroad_raises_NET_08_medium()
    {
        // 175.45.0.1 is HKBN, a Hong Kong broadband provider: not DPRK, not hosting.
        var signal = Assert.Single(new NetworkOriginCheck().Run(With(SeenAt(("175.45.0.1", Monday, null)))).Signals);
        Assert.Equal(("NET-08", Severity.Medium), (signal.IndicatorId, signal.Severity));
        Assert.Contains("HK", signal.Explanation);
    }

    [Fact]
    public void Network_checks_are_not_evaluated_without_network_data_or_without_addresses()
    {
        var noData = new VettingContext(1, SeenAt((Comcast, Monday, null)), [], ReferenceSnapshot.Empty);
        Assert.Contains("network-intelligence", new NetworkOriginCheck().Run(noData).NotEvaluatedReason);
        Assert.NotNull(new NetworkOriginCheck().Run(With(Honest)).NotEvaluatedReason);
        Assert.NotNull(new ImpossibleTravelCheck().Run(noData).NotEvaluatedReason);
    }

    [Fact]
    public void Two_countries_twenty_minutes_apart_are_impossible_travel()
    {
        var signal = Assert.Single(new ImpossibleTravelCheck().Run(With(SeenAt((Comcast, Monday, null), ("175.45.0.1", Monday.AddMinutes(20), null)))).Signals);
        Assert.Equal("NET-01", signal.IndicatorId);
        Assert.Contains("20 minutes apart", signal.Explanation);
    }

    [Fact]
    public void A_trip_abroad_with_days_between_sightings_is_not_impossible_travel()
    {
        var result = new ImpossibleTravelCheck().Run(With(SeenAt((Comcast, Monday, null), ("175.45.0.1", Monday.AddDays(3), null), (Comcast, Monday.AddDays(10), null))));
        Assert.Equal(CheckResult.NotFired, result);
    }

    [Fact]
    public void A_device_clock_hours_away_from_the_claimed_zone_raises_NET_09_but_a_neighbouring_zone_does_not()
    {
        Assert.Equal(CheckResult.NotFired, new TimeZoneCheck().Run(With(SeenAt((Comcast, Monday, "America/Denver")))));

        var signal = Assert.Single(new TimeZoneCheck().Run(With(SeenAt((Comcast, Monday, "Asia/Shanghai")))).Signals);
        Assert.Equal("NET-09", signal.IndicatorId);
        Assert.Contains("14 hours", signal.Explanation); // CST (UTC-6) to UTC+8 in November
    }

    [Fact]
    public void Sharing_a_home_IP_links_candidates_but_sharing_a_VPN_exit_does_not()
    {
        SharedIdentifier Shared(string ip) => new() { Kind = "ip", Display = ip, OtherCandidateId = 7, OtherExternalId = "ext-7", OtherLegalName = "Ryan Scott", OtherStatus = "review" };

        var home = Assert.Single(new SharedIdentifiersCheck().Run(new VettingContext(1, Honest, [Shared(Comcast)], TestReferenceData.Snapshot)).Signals);
        Assert.Equal("LINK-04", home.IndicatorId);
        Assert.Equal(CheckResult.NotFired, new SharedIdentifiersCheck().Run(new VettingContext(1, Honest, [Shared(VpnExit())], TestReferenceData.Snapshot)));
    }

    [Theory]
    [InlineData("UTC")]
    [InlineData("Etc/UTC")]
    [InlineData("Etc/GMT")]
    public void A_device_clock_on_UTC_names_no_place(string zone)
    {
        var result = new TimeZoneCheck().Run(With(SeenAt((Comcast, Monday, zone))));

        Assert.Equal("No observation reports a device time zone that names a place (none given, or UTC).", result.NotEvaluatedReason);
        Assert.Equal("NET-09", Assert.Single(new TimeZoneCheck().Run(With(SeenAt((Comcast, Monday, zone), (Comcast, Monday, "Asia/Shanghai")))).Signals).IndicatorId);
    }

    [Fact]
    public void A_travellers_clock_in_the_country_of_the_home_connection_they_use_is_consistent()
    {
        // 79.192.0.1: Deutsche Telekom (AS3320), a residential network registered in Germany.
        Assert.Equal(CheckResult.NotFired, new TimeZoneCheck().Run(With(SeenAt(("79.192.0.1", Monday, "Europe/Berlin")))));
        // The same clock behind a US home connection is not explained by travel.
        Assert.Equal("NET-09", Assert.Single(new TimeZoneCheck().Run(With(SeenAt((Comcast, Monday, "Europe/Berlin")))).Signals).IndicatorId);
    }

    [Fact]
    public void Relatives_sharing_their_home_and_its_connection_are_a_household_but_a_laptop_farm_is_not()
    {
        var home = Honest.ClaimedResidence!;
        var elsewhere = home with { Line1 = "1 Other Road", PostalCode = "78701" };
        SharedIdentifier Shared(string kind, string display, long other, PostalAddress residence) => new()
        {
            Kind = kind, Display = display, OtherCandidateId = other, OtherExternalId = $"ext-{other}", OtherLegalName = "Ryan Scott",
            OtherStatus = "clear", OtherResidence = System.Text.Json.JsonSerializer.Serialize(residence, DossierJson.Options),
        };
        var me = Honest with { EquipmentShipping = Honest.EquipmentShipping! with { Address = home } };

        var household = new SharedIdentifiersCheck().Run(new VettingContext(1, me, [Shared("shipping_address", "18 Juniper Lane", 7, home), Shared("ip", Comcast, 7, home)], TestReferenceData.Snapshot));
        Assert.Equal(CheckResult.NotFired, household);

        var farm = new SharedIdentifiersCheck().Run(new VettingContext(1, me, [Shared("shipping_address", "18 Juniper Lane", 7, elsewhere), Shared("ip", Comcast, 7, elsewhere)], TestReferenceData.Snapshot));
        Assert.Equal(["LINK-04", "LINK-06"], farm.Signals.Select(s => s.IndicatorId).Order());
    }
}
