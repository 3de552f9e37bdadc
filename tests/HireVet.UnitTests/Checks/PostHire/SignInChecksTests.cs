using HireVet.Application.Checks;
using HireVet.Application.Checks.PostHire;
using HireVet.Application.ReferenceData;
using HireVet.Application.Vetting.Scoring;
using static HireVet.UnitTests.Checks.PostHire.PostHireTestData;

namespace HireVet.UnitTests.Checks.PostHire;

/// <summary>The post-hire checks that read sign-ins: travel (NET-01), shared egress (NET-02), always on (NET-03),
/// networks (NET-07/08), working hours (NET-09) and shared MFA devices (NET-11).</summary>
public sealed class SignInChecksTests
{
    public static TheoryData<ICheck> Checks => new()
    {
        new SignInTravelCheck(), new SharedEgressCheck(), new AlwaysOnCheck(), new RemoteControlSoftwareCheck(), new IpKvmHardwareCheck(),
        new SignInNetworkCheck(), new WorkingHoursCheck(), new SharedMfaDeviceCheck(), new PayrollChangeVelocityCheck(),
        new PayrollHolderChangeCheck(), new DeviceAbroadCheck(), new SerialMismatchCheck(),
    };

    [Theory]
    [MemberData(nameof(Checks))]
    public void A_candidate_not_hired_is_not_evaluated(ICheck check)
    {
        Assert.Equal("Not hired: no post-hire events.", check.Run(NotHired).NotEvaluatedReason);
    }

    [Fact]
    public void Sign_ins_from_two_countries_twenty_minutes_apart_are_impossible_travel_high()
    {
        var result = new SignInTravelCheck().Run(Hired(SignIns(SignIn(Comcast, Monday), SignIn(Telekom, Monday.AddMinutes(20)))));

        var signal = Assert.Single(result.Signals);
        Assert.Equal(("NET-01", Severity.High), (signal.IndicatorId, signal.Severity));
        Assert.Contains("20 minutes apart", signal.Explanation);
        var jump = signal.Evidence["impossibleJumps"]![0]!;
        Assert.Equal(("US", "DE", 20), (jump["from"]!["registeredCountry"]!.GetValue<string>(), jump["to"]!["registeredCountry"]!.GetValue<string>(), jump["minutesApart"]!.GetValue<int>()));
        Assert.Equal(Telekom, jump["to"]!["ip"]!.GetValue<string>());
    }

    [Fact]
    public void Three_countries_within_a_day_are_high_and_two_hours_apart_within_a_day_medium()
    {
        var three = Assert.Single(new SignInTravelCheck().Run(Hired(SignIns(
            SignIn(Comcast, Monday), SignIn(Telekom, Monday.AddHours(6)), SignIn(Hkbn, Monday.AddHours(14))))).Signals);
        Assert.Equal(Severity.High, three.Severity);
        Assert.Equal(["US", "DE", "HK"], three.Evidence["countriesWithinOneDay"]!.AsArray().Select(c => c!.GetValue<string>()));

        var two = Assert.Single(new SignInTravelCheck().Run(Hired(SignIns(SignIn(Comcast, Monday), SignIn(Telekom, Monday.AddHours(10))))).Signals);
        Assert.Equal(("NET-01", Severity.Medium), (two.IndicatorId, two.Severity));
        Assert.Equal(2, two.Evidence["sightings"]!.AsArray().Count);
    }

    [Fact]
    public void A_traveller_with_days_between_countries_is_not_flagged()
    {
        var result = new SignInTravelCheck().Run(Hired(SignIns(
            SignIn(Comcast, Monday), SignIn(Telekom, Monday.AddDays(3)), SignIn(Telekom, Monday.AddDays(4)), SignIn(Comcast, Monday.AddDays(10)))));
        Assert.Equal(CheckResult.NotFired, result);
    }

    [Fact]
    public void VPN_and_relay_exits_between_home_sign_ins_are_not_travel()
    {
        var result = new SignInTravelCheck().Run(Hired(SignIns(
            SignIn(Comcast, Monday), SignIn(VpnExit.Value, Monday.AddMinutes(10)), SignIn(RelayEgress.Value, Monday.AddMinutes(20)), SignIn(Google, Monday.AddMinutes(30)))));
        Assert.Equal(CheckResult.NotFired, result);
    }

    [Fact]
    public void A_sign_in_from_the_DPRK_block_minutes_after_a_home_sign_in_is_impossible_travel()
    {
        var signal = Assert.Single(new SignInTravelCheck().Run(Hired(SignIns(SignIn(Comcast, Monday), SignIn(Pyongyang, Monday.AddMinutes(30))))).Signals);
        Assert.Equal(Severity.High, signal.Severity);
        Assert.Contains("KP", signal.Explanation);
    }

    [Fact]
    public void Failed_sign_ins_do_not_count_and_network_data_is_needed()
    {
        Assert.NotNull(new SignInTravelCheck().Run(Hired(SignIns(SignIn(Comcast, Monday), SignIn(Telekom, Monday.AddMinutes(5), succeeded: false)))).NotEvaluatedReason);

        var noData = new VettingContext(1, Worker, [], ReferenceSnapshot.Empty) { PostHire = SignIns(SignIn(Comcast, Monday), SignIn(Telekom, Monday.AddMinutes(5))) };
        Assert.Contains("network-intelligence", new SignInTravelCheck().Run(noData).NotEvaluatedReason);
        Assert.Contains("network-intelligence", new SignInNetworkCheck().Run(noData).NotEvaluatedReason);
    }

    [Fact]
    public void A_home_connection_shared_with_another_worker_is_NET_02_high_naming_the_worker()
    {
        var activity = Activity() with { SignIns = [SignIn(Comcast, Monday)], SharedEgressIps = [Shared(Comcast, Other(7, "Ryan Scott"), Other(8, "Dana Miller"))] };

        var signal = Assert.Single(new SharedEgressCheck().Run(Hired(activity)).Signals);
        Assert.Equal(("NET-02", Severity.High), (signal.IndicatorId, signal.Severity));
        Assert.Contains("Ryan Scott, Dana Miller", signal.Explanation);
        Assert.Equal([7L, 8L], signal.Evidence["otherWorkers"]!.AsArray().Select(w => w!["workerId"]!.GetValue<long>()));
        Assert.Equal(7922, signal.Evidence["sharedIps"]![0]!["asn"]!.GetValue<int>());
    }

    [Fact]
    public void VPN_relay_and_hosting_exits_shared_with_strangers_are_not_NET_02()
    {
        var activity = Activity() with
        {
            SignIns = [SignIn(Comcast, Monday)],
            SharedEgressIps = [Shared(VpnExit.Value, Other(7, "Ryan Scott")), Shared(RelayEgress.Value, Other(8, "Dana Miller")), Shared(Google, Other(9, "Lee Chan"))],
        };
        Assert.Equal(CheckResult.NotFired, new SharedEgressCheck().Run(Hired(activity)));
        Assert.Equal(CheckResult.NotFired, new SharedEgressCheck().Run(Hired(Activity() with { SignIns = [SignIn(Comcast, Monday)] })));
    }

    [Fact]
    public void A_session_open_for_more_than_a_day_is_NET_03_medium()
    {
        var bySessionId = new AlwaysOnCheck().Run(Hired(SignIns(SignIn(Comcast, Monday, session: "s-1"), SignIn(Comcast, Monday.AddHours(26), session: "s-1"))));
        var signal = Assert.Single(bySessionId.Signals);
        Assert.Equal(("NET-03", Severity.Medium), (signal.IndicatorId, signal.Severity));
        Assert.Equal(26, signal.Evidence["longSessions"]![0]!["hours"]!.GetValue<double>());

        var byEnd = Assert.Single(new AlwaysOnCheck().Run(Hired(SignIns(SignIn(Comcast, Monday, ended: Monday.AddHours(30))))).Signals);
        Assert.Contains("30 hours", byEnd.Explanation);
    }

    [Fact]
    public void Sign_ins_round_the_clock_without_a_four_hour_pause_are_NET_03_but_a_working_week_is_not()
    {
        var roundTheClock = Enumerable.Range(0, 11).Select(i => SignIn(Comcast, Monday.AddHours(3 * i))).ToArray();
        var signal = Assert.Single(new AlwaysOnCheck().Run(Hired(SignIns(roundTheClock))).Signals);
        Assert.Equal(30, signal.Evidence["activityWithoutPause"]![0]!["hours"]!.GetValue<double>());

        var week = Enumerable.Range(0, 5).SelectMany(day => new[] { 0, 4, 8 }.Select(h => SignIn(Comcast, Monday.AddDays(day).AddHours(h), session: $"day-{day}"))).ToArray();
        Assert.Equal(CheckResult.NotFired, new AlwaysOnCheck().Run(Hired(SignIns(week))));
    }

    [Fact]
    public void VPN_sign_ins_are_NET_07_medium_with_the_network_as_evidence()
    {
        var vpn = VpnExit.Value;
        var signal = Assert.Single(new SignInNetworkCheck().Run(Hired(SignIns(SignIn(Comcast, Monday), SignIn(vpn, Monday.AddHours(1)), SignIn(vpn, Monday.AddHours(2))))).Signals);

        Assert.Equal(("NET-07", Severity.Medium), (signal.IndicatorId, signal.Severity));
        Assert.Contains("2 successful sign-ins came through a VPN provider", signal.Explanation);
        var address = Assert.Single(signal.Evidence["addresses"]!.AsArray())!;
        Assert.Equal(vpn, address["ip"]!.GetValue<string>());
        Assert.Contains(address["asn"]!.GetValue<int>(), new[] { 136787, 9009 });
        Assert.Equal(2, address["signIns"]!.GetValue<int>());
    }

    [Fact]
    public void Hosting_sign_ins_are_NET_07_medium_and_DPRK_sign_ins_NET_08_high()
    {
        var signals = new SignInNetworkCheck().Run(Hired(SignIns(SignIn(Google, Monday), SignIn(Pyongyang, Monday.AddDays(1))))).Signals;

        var hosting = Assert.Single(signals, s => s.IndicatorId == "NET-07");
        Assert.Equal(Severity.Medium, hosting.Severity);
        Assert.Contains("Google", hosting.Explanation);
        var dprk = Assert.Single(signals, s => s.IndicatorId == "NET-08");
        Assert.Equal((Severity.High, 131279), (dprk.Severity, dprk.Evidence["addresses"]![0]!["asn"]!.GetValue<int>()));
    }

    [Fact]
    public void Apple_private_relay_is_low_and_weighs_nothing_and_a_home_connection_raises_nothing()
    {
        var relay = Assert.Single(new SignInNetworkCheck().Run(Hired(SignIns(SignIn(RelayEgress.Value, Monday)))).Signals);
        Assert.Equal(("NET-07", Severity.Low), (relay.IndicatorId, relay.Severity));
        Assert.Equal(0, Ruleset.Embedded.WeightOf("NET-07", Severity.Low));

        Assert.Equal(CheckResult.NotFired, new SignInNetworkCheck().Run(Hired(SignIns(SignIn(Comcast, Monday), SignIn(VpnExit.Value, Monday, succeeded: false)))));
    }

    private static WorkerActivity Daily(int hourUtc, int days = 24) =>
        SignIns([.. Enumerable.Range(0, days).Select(d => SignIn(Comcast, new DateTimeOffset(2026, 11, 2, hourUtc, 0, 0, TimeSpan.Zero).AddDays(d)))]);

    [Fact]
    public void Most_sign_ins_in_the_small_hours_of_the_claimed_zone_are_NET_09_medium()
    {
        // 08:00 UTC is 02:00 in Chicago in November (CST, UTC-6).
        var signal = Assert.Single(new WorkingHoursCheck().Run(Hired(Daily(8))).Signals);

        Assert.Equal(("NET-09", Severity.Medium), (signal.IndicatorId, signal.Severity));
        Assert.Contains("100% of 24 successful sign-ins", signal.Explanation);
        var histogram = signal.Evidence["histogram"]!.AsArray().Select(h => h!.GetValue<int>()).ToArray();
        Assert.Equal(24, histogram.Length);
        Assert.Equal(24, histogram[2]);
        Assert.Equal(1.0, signal.Evidence["nightShare"]!.GetValue<double>());
        Assert.Equal("America/Chicago", signal.Evidence["claimedTimeZone"]!.GetValue<string>());
    }

    [Fact]
    public void Daytime_sign_ins_too_few_sign_ins_or_no_claimed_zone_raise_no_NET_09()
    {
        Assert.Equal(CheckResult.NotFired, new WorkingHoursCheck().Run(Hired(Daily(15)))); // 09:00 in Chicago
        Assert.Contains("Fewer than 20", new WorkingHoursCheck().Run(Hired(Daily(8, days: 19))).NotEvaluatedReason);
        Assert.Contains("no claimed time zone", new WorkingHoursCheck().Run(Hired(Daily(8), Worker with { ClaimedTimeZone = null })).NotEvaluatedReason);
    }

    [Fact]
    public void An_MFA_device_registered_for_other_workers_is_NET_11_high()
    {
        var activity = Activity() with
        {
            MfaDevices = [new() { EventId = "mfa-1", DeviceId = "phone-9", RegisteredAt = Monday }],
            SharedMfaDevices = [Shared("phone-9", Other(7, "Ryan Scott"))],
        };

        var signal = Assert.Single(new SharedMfaDeviceCheck().Run(Hired(activity)).Signals);
        Assert.Equal(("NET-11", Severity.High), (signal.IndicatorId, signal.Severity));
        Assert.Contains("Ryan Scott", signal.Explanation);
        var device = signal.Evidence["devices"]![0]!;
        Assert.Equal(("phone-9", "mfa-1", "Ryan Scott"), (device["deviceId"]!.GetValue<string>(), device["registrationEventId"]!.GetValue<string>(), device["otherWorkers"]![0]!["legalName"]!.GetValue<string>()));

        Assert.Equal(CheckResult.NotFired, new SharedMfaDeviceCheck().Run(Hired(activity with { SharedMfaDevices = [] })));
    }
}
