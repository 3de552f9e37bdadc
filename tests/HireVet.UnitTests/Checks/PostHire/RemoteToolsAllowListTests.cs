using HireVet.Application.Checks;
using HireVet.Application.Checks.PostHire;
using HireVet.Application.Vetting;
using Microsoft.Extensions.Configuration;
using static HireVet.UnitTests.Checks.PostHire.PostHireTestData;

namespace HireVet.UnitTests.Checks.PostHire;

/// <summary>The allow-list of remote-control tools IT sanctions (PostHire:SanctionedRemoteTools), as NET-05 and NET-15
/// apply it, and NET-15: several unsanctioned remote-control products on one endpoint.</summary>
public sealed class RemoteToolsAllowListTests
{
    private static PostHireSettings Sanctioning(params string[] tools) =>
        PostHireSettings.From(new ConfigurationBuilder().AddInMemoryCollection(
            tools.Select((t, i) => new KeyValuePair<string, string?>($"PostHire:SanctionedRemoteTools:{i}", t))).Build());

    private static VettingContext Laptop(PostHireSettings settings, params EndpointSnapshot[] snapshots) =>
        Hired(Endpoints(snapshots)) with { PostHireSettings = settings };

    [Fact]
    public void The_tool_IT_installed_is_neither_NET_05_nor_counted_and_the_trace_says_it_was_excused()
    {
        // IT's remote support tool on every laptop, plus the usual office software: an honest worker.
        var context = Laptop(Sanctioning("TeamViewer"), Snapshot(software: ["Slack", "TeamViewer Host 15.48", "Microsoft Teams"], device: "LT-7"));

        var net05 = new RemoteControlSoftwareCheck().Run(context);
        Assert.Empty(net05.Signals);
        Assert.Null(net05.NotEvaluatedReason);
        Assert.Contains("TeamViewer on LT-7", net05.Note);
        Assert.Empty(new MultipleRemoteToolsCheck().Run(context).Signals);

        var trace = VettingEngine.Default.Assess(context).Trace.Single(t => t.Check == "remote-control-software");
        Assert.Equal("not_fired", trace.Outcome);
        Assert.Contains("sanctioned", trace.Reason);
    }

    [Fact]
    public void An_unsanctioned_tool_beside_the_sanctioned_one_is_NET_05_and_the_evidence_names_the_excused_one()
    {
        var context = Laptop(Sanctioning("ScreenConnect"), Snapshot(software: ["ScreenConnect Client (8f2c1a)", "AnyDesk 8.0.8"], device: "LT-7"));

        var signal = Assert.Single(new RemoteControlSoftwareCheck().Run(context).Signals);
        Assert.Equal(("NET-05", Severity.High), (signal.IndicatorId, signal.Severity));
        Assert.Contains("AnyDesk", signal.Explanation);
        Assert.DoesNotContain("ScreenConnect", signal.Explanation);
        Assert.Contains("S7", signal.Explanation);
        Assert.Equal("AnyDesk", Assert.Single(signal.Evidence["software"]!.AsArray())!["product"]!.GetValue<string>());
        Assert.Equal("ScreenConnect", Assert.Single(signal.Evidence["sanctioned"]!.AsArray())!["product"]!.GetValue<string>());
        // One unsanctioned product: not several.
        Assert.Empty(new MultipleRemoteToolsCheck().Run(context).Signals);
    }

    [Fact]
    public void Without_an_allow_list_every_remote_tool_is_NET_05_as_before()
    {
        var signal = Assert.Single(new RemoteControlSoftwareCheck().Run(Hired(Endpoints(Snapshot(software: ["TeamViewer"])))).Signals);
        Assert.Empty(signal.Evidence["sanctioned"]!.AsArray());
    }

    [Fact]
    public void Two_unsanctioned_products_on_one_laptop_are_NET_15_high_naming_the_device_and_products()
    {
        var first = Snapshot(software: ["AnyDesk", "Slack"], device: "LT-9");
        var later = Snapshot(software: ["AnyDesk", "Chrome Remote Desktop Host", "TeamViewer 15"], device: "LT-9") with { TakenAt = Monday.AddDays(3) };
        var context = Laptop(Sanctioning("TeamViewer"), first, later);

        var signal = Assert.Single(new MultipleRemoteToolsCheck().Run(context).Signals);
        Assert.Equal(("NET-15", Severity.High), (signal.IndicatorId, signal.Severity));
        Assert.Contains("LT-9: AnyDesk, Chrome Remote Desktop", signal.Explanation);
        Assert.Contains("S50", signal.Explanation);
        var device = Assert.Single(signal.Evidence["devices"]!.AsArray())!;
        Assert.Equal(["AnyDesk", "Chrome Remote Desktop"], device["products"]!.AsArray().Select(p => p!["product"]!.GetValue<string>()));
        Assert.Equal(Monday.ToString("O"), device["products"]![0]!["firstSeenAt"]!.GetValue<string>());
        Assert.Equal("TeamViewer", Assert.Single(signal.Evidence["sanctioned"]!.AsArray())!["product"]!.GetValue<string>());
    }

    [Fact]
    public void Two_components_of_one_product_or_one_tool_on_each_of_two_laptops_are_not_NET_15()
    {
        var oneProduct = Hired(Endpoints(Snapshot(software: ["TeamViewer", "TeamViewer Host", "teamviewer_service"])));
        Assert.Equal(CheckResult.NotFired, new MultipleRemoteToolsCheck().Run(oneProduct));

        var twoLaptops = Hired(Endpoints(Snapshot(software: ["AnyDesk"], device: "LT-1"), Snapshot(software: ["RustDesk"], device: "LT-2")));
        Assert.Equal(CheckResult.NotFired, new MultipleRemoteToolsCheck().Run(twoLaptops));
        Assert.NotNull(new MultipleRemoteToolsCheck().Run(Hired(Activity())).NotEvaluatedReason);
    }

    [Fact]
    public void Two_unsanctioned_tools_with_NET_05_reach_the_high_band()
    {
        // The test worker's name is a sanctions namesake; the scoring tests use another name.
        var sean = Worker with
        {
            LegalName = "Sean O'Brien", OtherNames = ["Shay O'Brien"],
            IdentityDocument = Worker.IdentityDocument! with { NameOnDocument = "SEAN OBRIEN" },
            PayrollDestination = Worker.PayrollDestination! with { AccountHolderName = "Sean O'Brien" },
            EquipmentShipping = Worker.EquipmentShipping! with { RecipientName = "Shay O'Brien" },
        };
        var two = VettingEngine.Default.Assess(Hired(Endpoints(Snapshot(software: ["AnyDesk", "RustDesk"], ip: Comcast)), sean));
        Assert.Equal(("high", 75), (two.Band, two.Score));
        Assert.Equal(["NET-05", "NET-15"], two.Signals.Where(s => s.Weight > 0).Select(s => s.IndicatorId).Order());

        var one = VettingEngine.Default.Assess(Hired(Endpoints(Snapshot(software: ["AnyDesk"], ip: Comcast)), sean));
        Assert.Equal(("review", 45), (one.Band, one.Score));
    }

    [Theory]
    [InlineData("TeamViewer,ScreenConnect", new[] { "teamviewer", "screenconnect" })]
    [InlineData(" chrome remote desktop ", new[] { "chromeremotedesktop" })]
    [InlineData("", new string[0])]
    public void The_allow_list_reads_a_comma_separated_value_in_the_products_own_spellings(string value, string[] products)
    {
        var settings = PostHireSettings.From(new ConfigurationBuilder().AddInMemoryCollection(
            [new KeyValuePair<string, string?>("PostHire:SanctionedRemoteTools", value)]).Build());
        Assert.Equal(products.Order(), settings.SanctionedRemoteTools.Order());
    }

    [Fact]
    public void A_name_that_is_no_known_remote_tool_stops_start_up_naming_the_key()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Sanctioning("TeamViewer", "Team Veiwer"));
        Assert.Contains("PostHire:SanctionedRemoteTools", e.Message);
        Assert.Contains("Team Veiwer", e.Message);
    }
}
