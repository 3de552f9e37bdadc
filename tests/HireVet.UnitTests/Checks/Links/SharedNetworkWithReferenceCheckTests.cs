using HireVet.Application.Checks;
using HireVet.Application.Checks.Links;
using HireVet.Application.Dossiers;
using static HireVet.UnitTests.Checks.CheckTestData;

namespace HireVet.UnitTests.Checks.Links;

public sealed class SharedNetworkWithReferenceCheckTests
{
    // Real rows: Comcast (AS7922, US residential) for the candidate's home, another Comcast address for a referee's.
    private const string CandidateHome = "73.162.10.20";
    private const string RefereeHome = "73.162.99.7";
    private const string Laptop = "8f1c2a77-5d0e-4b7a-9a43-2c1d7e5b9a10";
    private static readonly DateTimeOffset Monday = new(2026, 11, 16, 15, 0, 0, TimeSpan.Zero);

    private static Dossier Applicant(params Reference[] references) => Honest with
    {
        NetworkObservations = [new() { Ip = CandidateHome, ObservedAt = Monday, Context = "application", DeviceId = Laptop.ToUpperInvariant() }],
        Interviews = [new() { At = Monday.AddDays(2), CameraOn = true, Ip = CandidateHome }],
        EmploymentHistory = [new() { Employer = "Globex Corporation", StartedOn = new DateOnly(2021, 5, 1) }],
        References = references,
    };

    private static Reference Referee(string name, string? ip, string? deviceId = null, string employer = "Initech") => new()
    {
        Name = name, Email = $"{name.Split(' ')[0].ToLowerInvariant()}@initech.example", Employer = employer, Relationship = "former manager",
        SubmittedFrom = new() { Ip = ip, DeviceId = deviceId, At = Monday.AddDays(3) },
    };

    private static CheckResult Run(Dossier d, params SharedSighting[] shared) =>
        new SharedNetworkWithReferenceCheck().Run(new VettingContext(1, d, [], TestReferenceData.Snapshot) { SharedSightings = shared });

    private static string VpnExit()
    {
        var network = TestReferenceData.Network;
        static System.Net.IPAddress ToIp(uint v) => new([(byte)(v >> 24), (byte)(v >> 16), (byte)(v >> 8), (byte)v]);
        return ToIp(network.VpnRanges.IPv4Ranges.Select(r => r.First).First(ip => network.Enrich(ToIp(ip)) is { IsVpn: true, IsICloudPrivateRelay: false })).ToString();
    }

    [Fact]
    public void Without_a_reference_seen_on_the_network_or_a_shared_sighting_the_check_is_not_evaluated() =>
        Assert.NotNull(Run(Applicant(new Reference { Name = "Dana Lee", Employer = "Initech" })).NotEvaluatedReason);

    [Fact]
    public void A_referee_answering_from_their_own_connection_raises_nothing() =>
        Assert.Equal(CheckResult.NotFired, Run(Applicant(Referee("Dana Whitfield", RefereeHome, "c0ffee00-1111-2222-3333-444455556666"))));

    [Fact]
    public void A_referee_form_submitted_from_the_candidates_own_connection_is_high_and_names_the_reference_and_address()
    {
        var signal = Assert.Single(Run(Applicant(Referee("Dana Whitfield", CandidateHome))).Signals);

        Assert.Equal(("LINK-12", Severity.High), (signal.IndicatorId, signal.Severity));
        Assert.Equal(("Dana Whitfield", CandidateHome), (signal.Evidence["reference"]!.GetValue<string>(), signal.Evidence["ip"]!.GetValue<string>()));
        Assert.Contains("S56", signal.Explanation);
    }

    [Fact]
    public void The_same_device_is_high_and_masked_in_the_evidence_whatever_case_the_vendor_prints_it_in()
    {
        var signal = Assert.Single(Run(Applicant(Referee("Dana Whitfield", RefereeHome, Laptop))).Signals);

        Assert.Equal(Severity.High, signal.Severity);
        Assert.Equal("••••9a10", signal.Evidence["device"]!.GetValue<string>());
        Assert.DoesNotContain(Laptop, signal.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Laptop, signal.Explanation, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_colleague_at_the_candidates_current_employer_on_the_office_connection_is_medium_and_says_why()
    {
        var signal = Assert.Single(Run(Applicant(Referee("Priya Raman", CandidateHome, employer: "Globex Corp."))).Signals);
        Assert.Equal(Severity.Medium, signal.Severity);
        Assert.Contains("colleagues may share the office connection", signal.Explanation);
    }

    [Fact]
    public void A_VPN_exit_or_a_carrier_grade_NAT_address_links_nobody_and_is_listed_as_left_out()
    {
        var vpn = VpnExit();
        var d = Applicant(Referee("Dana Whitfield", vpn), Referee("Sam Ortiz", "100.72.14.3")) with
        {
            NetworkObservations = [new() { Ip = vpn, ObservedAt = Monday }, new() { Ip = "100.72.14.3", ObservedAt = Monday }],
        };
        Assert.Equal(CheckResult.NotFired, Run(d));
    }

    [Fact]
    public void A_reference_of_this_candidate_seen_at_another_candidates_connection_names_both_and_the_address()
    {
        var shared = new SharedSighting
        {
            Kind = "ip", Display = RefereeHome, MineReference = "Dana Whitfield",
            OtherCandidateId = 7, OtherExternalId = "ats-7", OtherLegalName = "Ryan Scott", OtherStatus = "review",
        };
        var signal = Assert.Single(Run(Applicant(Referee("Dana Whitfield", RefereeHome)), shared).Signals);

        Assert.Equal(("LINK-12", Severity.High), (signal.IndicatorId, signal.Severity));
        Assert.Contains("this candidate's reference Dana Whitfield and candidate Ryan Scott (ats-7)", signal.Explanation);
        var link = signal.Evidence["links"]![0]!;
        Assert.Equal((7L, "candidate"), (link["otherCandidateId"]!.GetValue<long>(), link["there"]!.GetValue<string>()));
        Assert.Equal(RefereeHome, signal.Evidence["identifier"]!.GetValue<string>());

        // The same sighting on a VPN exit links nobody.
        Assert.Equal(CheckResult.NotFired, Run(Applicant(), shared with { Display = VpnExit() }));
    }
}
