using HireVet.Application.Checks;
using HireVet.Application.Checks.PostHire;
using HireVet.Application.Dossiers;
using HireVet.Application.Vetting;
using HireVet.Application.Vetting.Scoring;
using static HireVet.UnitTests.Checks.PostHire.PostHireTestData;

namespace HireVet.UnitTests.Checks.PostHire;

/// <summary>The post-hire checks in the engine and under the shipped ruleset.</summary>
public sealed class PostHireScoringTests
{
    private static readonly string[] PostHireChecks =
    [
        "sign-in-travel", "shared-egress", "always-on", "remote-control-software", "ip-kvm-hardware", "sign-in-network",
        "working-hours", "shared-mfa-device", "payroll-change-velocity", "payroll-holder-change", "device-abroad", "device-serial",
        "multiple-remote-tools", "input-latency", "long-meeting-sessions", "onboarding-stand-in",
    ];

    [Fact]
    public void Every_post_hire_check_runs_in_the_engine_after_the_pre_hire_ones_and_is_not_evaluated_for_a_candidate()
    {
        var names = CheckCatalogue.All.Select(c => c.Name).ToArray();
        Assert.Equal(PostHireChecks, names[^PostHireChecks.Length..]);
        Assert.Equal(names.Length, names.Distinct().Count());

        var trace = VettingEngine.Default.Assess(NotHired).Trace.Where(t => PostHireChecks.Contains(t.Check)).ToArray();
        Assert.Equal(PostHireChecks.Length, trace.Length);
        Assert.All(trace, t => Assert.Equal(("not_evaluated", "Not hired: no post-hire events."), (t.Outcome, t.Reason)));
    }

    // The test worker's name is a sanctions namesake (the sanctions tests need one); the engine tests use another name.
    private static readonly Dossier Sean = Worker with
    {
        LegalName = "Sean O'Brien", OtherNames = ["Shay O'Brien"],
        IdentityDocument = Worker.IdentityDocument! with { NameOnDocument = "SEAN OBRIEN" },
        PayrollDestination = Worker.PayrollDestination! with { AccountHolderName = "Sean O'Brien" },
        EquipmentShipping = Worker.EquipmentShipping! with { RecipientName = "Shay O'Brien" },
    };

    [Fact]
    public void Remote_control_software_and_an_IP_KVM_on_the_laptop_reach_the_high_band_and_one_alone_review()
    {
        var kvm = new UsbDevice { Name = "Multifunction USB Device", VendorId = "1d6b", ProductId = "0104" };
        var both = VettingEngine.Default.Assess(Hired(Endpoints(Snapshot(software: ["AnyDesk"], usb: [kvm], ip: Comcast)), Sean));
        Assert.Equal(("high", 90), (both.Band, both.Score));
        Assert.Contains(both.Signals, s => s is { IndicatorId: "NET-05", Check: "remote-control-software", Weight: 45 });
        Assert.Contains(both.Signals, s => s is { IndicatorId: "NET-06", Check: "ip-kvm-hardware", Weight: 45 });

        var one = VettingEngine.Default.Assess(Hired(Endpoints(Snapshot(software: ["AnyDesk"], ip: Comcast)), Sean));
        Assert.Equal((45, "review"), (one.Score, one.Band));
        Assert.Equal(["NET-05"], one.Signals.Where(s => s.Weight > 0).Select(s => s.IndicatorId));
    }

    [Fact]
    public void The_shipped_ruleset_weighs_the_post_hire_indicators()
    {
        var r = Ruleset.Embedded;
        foreach (var high in new[] { "NET-01", "NET-02", "NET-05", "NET-06", "NET-11", "PAY-08", "SHIP-06" })
        {
            Assert.InRange(r.WeightOf(high, Severity.High), r.ReviewThreshold, r.HighThreshold - 1);
            Assert.True(2 * r.WeightOf(high, Severity.High) >= r.HighThreshold, $"two high {high} signals reach the high band");
        }
        foreach (var medium in new[] { "NET-01", "NET-03", "PAY-05", "SHIP-07" })
            Assert.InRange(r.WeightOf(medium, Severity.Medium), 15, r.ReviewThreshold - 1);
        Assert.Equal(20, r.WeightOf("NET-01", Severity.Medium)); // the pre-hire impossible-travel weight is unchanged
    }
}
