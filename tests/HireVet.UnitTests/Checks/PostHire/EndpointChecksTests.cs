using HireVet.Application.Checks;
using HireVet.Application.Checks.PostHire;
using static HireVet.UnitTests.Checks.PostHire.PostHireTestData;

namespace HireVet.UnitTests.Checks.PostHire;

/// <summary>The post-hire checks that read endpoint snapshots: remote-control software (NET-05), IP-KVM hardware
/// (NET-06), activity simulation (NET-03), a device abroad (SHIP-06).</summary>
public sealed class EndpointChecksTests
{
    [Theory]
    [InlineData("AnyDesk", "AnyDesk")]
    [InlineData("TeamViewer 15.48.4 (64-bit)", "TeamViewer")]
    [InlineData("teamviewer_host", "TeamViewer")]
    [InlineData("Chrome Remote Desktop Host", "Chrome Remote Desktop")]
    [InlineData("chrome-remote-desktop", "Chrome Remote Desktop")]
    [InlineData("RustDesk 1.2.3", "RustDesk")]
    [InlineData("ScreenConnect Client (8f2c1a)", "ScreenConnect")]
    [InlineData("ConnectWise Control", "ConnectWise Control")]
    [InlineData("Splashtop Streamer", "Splashtop")]
    [InlineData("UltraVNC", "UltraVNC")]
    [InlineData("VNC Server 7.6", "VNC Server")]
    [InlineData("DWAgent", "DWService agent")]
    [InlineData("Parsec", "Parsec")]
    public void Remote_control_software_is_NET_05_high_with_device_and_snapshot_time(string installed, string product)
    {
        var snapshot = Snapshot(software: ["Slack", installed], device: "laptop-7");
        var signal = Assert.Single(new RemoteControlSoftwareCheck().Run(Hired(Endpoints(snapshot))).Signals);

        Assert.Equal(("NET-05", Severity.High), (signal.IndicatorId, signal.Severity));
        var found = Assert.Single(signal.Evidence["software"]!.AsArray())!;
        Assert.Equal(("laptop-7", installed, product), (found["deviceId"]!.GetValue<string>(), found["software"]!.GetValue<string>(), found["product"]!.GetValue<string>()));
        Assert.Equal(Monday.ToString("O"), found["firstSeenAt"]!.GetValue<string>());
        Assert.Equal(snapshot.EventId, found["snapshotEventId"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("SteamViewer")]
    [InlineData("myteamviewerclone")]
    [InlineData("Microsoft Remote Desktop")]
    [InlineData("Quick Assist")]
    [InlineData("Anydeskcleaner")]
    public void Names_that_only_contain_a_product_or_are_the_systems_own_tools_are_not_NET_05(string installed)
    {
        Assert.Equal(CheckResult.NotFired, new RemoteControlSoftwareCheck().Run(Hired(Endpoints(Snapshot(software: [installed])))));
    }

    [Fact]
    public void Endpoint_checks_without_snapshots_are_not_evaluated()
    {
        Assert.NotNull(new RemoteControlSoftwareCheck().Run(Hired(Activity())).NotEvaluatedReason);
        Assert.NotNull(new IpKvmHardwareCheck().Run(Hired(Activity())).NotEvaluatedReason);
        Assert.NotNull(new DeviceAbroadCheck().Run(Hired(Activity())).NotEvaluatedReason);
    }

    [Theory]
    [InlineData("Multifunction USB Device", "1d6b", "0104", "PiKVM")]
    [InlineData("Composite KVM Device", "0x1D6B", "0x0104", "PiKVM")]
    [InlineData("USB Video", "534d", "2109", "MS2109")]
    [InlineData("TinyPilot", null, null, "TinyPilot")]
    [InlineData("USB3.0 HDMI Capture", null, null, "capture")]
    [InlineData("Sipeed NanoKVM Keyboard", null, null, "NanoKVM")]
    [InlineData("JetKVM USB Emulation Device", null, null, "JetKVM")]
    [InlineData("GL.iNet Comet", null, null, "GL.iNet Comet")]
    [InlineData("GLKVM Composite Device", null, null, "GLKVM")]
    public void IP_KVM_and_video_capture_devices_are_NET_06_high(string name, string? vendor, string? product, string identifiedAs)
    {
        var usb = new UsbDevice { Name = name, VendorId = vendor, ProductId = product };
        var signal = Assert.Single(new IpKvmHardwareCheck().Run(Hired(Endpoints(Snapshot(usb: [usb])))).Signals);

        Assert.Equal(("NET-06", Severity.High), (signal.IndicatorId, signal.Severity));
        var device = signal.Evidence["usbDevices"]![0]!;
        Assert.Equal(("laptop-1", name), (device["deviceId"]!.GetValue<string>(), device["name"]!.GetValue<string>()));
        Assert.Contains(identifiedAs, device["identifiedAs"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("USB Video Device", null, null)]       // Windows' name for any generic webcam
    [InlineData("xHCI Host Controller", "1d6b", "0003")] // a Linux root hub
    [InlineData("USB to HDMI", "534d", "6021")]       // MacroSilicon display adapter: video out, not capture
    [InlineData("USB Mouse Jiggler", null, null)]     // activity simulation: NET-03
    public void Webcams_root_hubs_display_adapters_and_jigglers_are_not_NET_06(string name, string? vendor, string? product)
    {
        var usb = new UsbDevice { Name = name, VendorId = vendor, ProductId = product };
        Assert.Equal(CheckResult.NotFired, new IpKvmHardwareCheck().Run(Hired(Endpoints(Snapshot(usb: [usb])))));
    }

    [Fact]
    public void Mouse_jiggler_software_and_hardware_are_NET_03_medium()
    {
        var software = Assert.Single(new AlwaysOnCheck().Run(Hired(Endpoints(Snapshot(software: ["Slack", "Mouse Jiggler 2.0"])))).Signals);
        Assert.Equal(("NET-03", Severity.Medium), (software.IndicatorId, software.Severity));
        Assert.Equal("software", software.Evidence["tools"]![0]!["kind"]!.GetValue<string>());

        var hardware = Assert.Single(new AlwaysOnCheck().Run(Hired(Endpoints(Snapshot(usb: [new() { Name = "USB Mouse Jiggler" }])))).Signals);
        Assert.Equal(("NET-03", "usb device"), (hardware.IndicatorId, hardware.Evidence["tools"]![0]!["kind"]!.GetValue<string>()));
        Assert.Contains("hardware", hardware.Explanation);

        Assert.Equal(CheckResult.NotFired, new AlwaysOnCheck().Run(Hired(Endpoints(Snapshot(software: ["Caffeinated Notes", "Slack"])))));
    }

    [Fact]
    public void A_company_laptop_on_a_home_network_registered_abroad_is_SHIP_06_high()
    {
        var signal = Assert.Single(new DeviceAbroadCheck().Run(Hired(Endpoints(Snapshot(ip: Telekom, serial: "C02XK12J")))).Signals);

        Assert.Equal(("SHIP-06", Severity.High), (signal.IndicatorId, signal.Severity));
        var sighting = signal.Evidence["sightings"]![0]!;
        Assert.Equal(("laptop-1", Telekom, "DE", 3320), (sighting["deviceId"]!.GetValue<string>(), sighting["ip"]!.GetValue<string>(),
            sighting["registeredCountry"]!.GetValue<string>(), sighting["asn"]!.GetValue<int>()));
        Assert.Equal(Monday.ToString("O"), sighting["firstSeenAt"]!.GetValue<string>());
        Assert.Equal("US", signal.Evidence["claimedCountry"]!.GetValue<string>());

        var dprk = Assert.Single(new DeviceAbroadCheck().Run(Hired(Endpoints(Snapshot(ip: Pyongyang)))).Signals);
        Assert.Contains("KP", dprk.Explanation);
    }

    [Fact]
    public void A_laptop_at_home_or_behind_a_VPN_is_not_SHIP_06_and_no_claimed_country_is_not_evaluated()
    {
        Assert.Equal(CheckResult.NotFired, new DeviceAbroadCheck().Run(Hired(Endpoints(Snapshot(ip: Comcast), Snapshot(ip: VpnExit.Value), Snapshot(ip: RelayEgress.Value)))));
        Assert.Contains("claimed country", new DeviceAbroadCheck().Run(Hired(Endpoints(Snapshot(ip: Telekom)), Worker with { ClaimedResidence = null })).NotEvaluatedReason);
    }
}
