using System.Text.Json.Nodes;
using static HireVet.Application.Checks.PostHire.PostHireData;

namespace HireVet.Application.Checks.PostHire;

/// <summary>NET-06: IP-KVM or video-capture hardware attached to the worker's endpoint, by which a computer elsewhere
/// sees the laptop's screen and types on it (PiKVM and TinyPilot are named in reporting; DOJ describes KVM switches at
/// laptop farms; NanoKVM, GL.iNet Comet and JetKVM are the commodity ones of 2025–2026). Known by USB vendor and product id where the id is documented, or by a device name that says so.
/// A bare "USB Video" name is not enough: Windows calls every generic webcam "USB Video Device". USB-to-HDMI
/// display adapters (video out, not capture) are not matched either. USB mouse jigglers are activity simulation, NET-03
/// (<see cref="AlwaysOnCheck"/>).</summary>
public sealed class IpKvmHardwareCheck : ICheck
{
    /// <summary>USB ids (lower-case hex) and what they are, each with its source:
    /// <list type="bullet">
    /// <item>1d6b:0104, Linux Foundation "Multifunction Composite Gadget": the default USB identity of PiKVM's emulated
    /// keyboard and mouse (pikvm/kvmd, kvmd/apps/__init__.py, otg.vendor_id 0x1D6B and otg.product_id 0x0104) and the
    /// identity TinyPilot sets (tiny-pilot/tinypilot, debian-pkg/opt/tinypilot-privileged/init-usb-gadget). Any Linux
    /// board emulating a USB device can use it; a company laptop has no reason to see one. (The Linux Foundation's
    /// root-hub ids 1d6b:0001-0003 are ordinary and not matched: the product id must be 0104.)</item>
    /// <item>534d:2109, MacroSilicon MS2109: the common HDMI-to-USB capture dongle, which reports itself as "USB Video"
    /// (daniel-starke/vkvm, doc/hdmi-cap4.md and doc/hdmi-cap7.md: USB\VID_534D&amp;PID_2109). MacroSilicon's 534d:6021 is a
    /// USB-to-HDMI display adapter (rhgndf/ms912x) and is deliberately absent.</item>
    /// <item>1b71:3002, USBTV007 video grabber sold as an HDMI capture card (daniel-starke/vkvm, doc/hdmi-cap1.md).</item>
    /// </list></summary>
    public static readonly IReadOnlyDictionary<(string Vendor, string Product), string> KnownIds = new Dictionary<(string, string), string>
    {
        [("1d6b", "0104")] = "Linux USB gadget (PiKVM and TinyPilot keyboard/mouse emulation)",
        [("534d", "2109")] = "MacroSilicon MS2109 HDMI capture",
        [("1b71", "3002")] = "USBTV007 video capture",
    };

    /// <summary>Device names that say what the device is (whole words, see <see cref="ProductNames"/>). The commodity
    /// IP-KVMs of 2025–2026 (NanoKVM, GL.iNet's Comet, sold as GLKVM, and JetKVM; SANS ISC diary 32598, catalogue S52)
    /// are named by their own names. Their USB ids are not listed: no source at hand documents them (a board that
    /// emulates keyboard and mouse through Linux keeps the gadget id above unless its maker changed it).</summary>
    public static readonly IReadOnlyList<(string Product, string Display)> Names =
    [
        ("pikvm", "PiKVM"), ("tinypilot", "TinyPilot"), ("blikvm", "BliKVM"), ("nanokvm", "NanoKVM"), ("jetkvm", "JetKVM"),
        ("glinetcomet", "GL.iNet Comet"), ("glkvm", "GL.iNet Comet (GLKVM)"), ("ipkvm", "IP-KVM"), ("kvm", "KVM"),
        ("capture", "video capture device"),
    ];

    public string Name => "ip-kvm-hardware";
    public string[] Indicators => ["NET-06"];

    public CheckResult Run(VettingContext context)
    {
        if (context.PostHire is not { } activity) return CheckResult.NotEvaluated(NotHired);
        if (activity.Endpoints.Count == 0) return CheckResult.NotEvaluated("No endpoint snapshots (EDR or MDM inventory) since the hire.");

        var found = activity.Endpoints
            .SelectMany(e => e.UsbDevices.Select(u => (Snapshot: e, Device: u, Why: Identify(u))))
            .Where(x => x.Why is not null)
            .GroupBy(x => (x.Snapshot.DeviceId, x.Device.Name, Vendor: Hex(x.Device.VendorId), Product: Hex(x.Device.ProductId)))
            .Select(g => g.MinBy(x => x.Snapshot.TakenAt))
            .ToArray();
        if (found.Length == 0) return CheckResult.NotFired;

        return CheckResult.Fired(new RawSignal("NET-06", Severity.High,
            $"Hardware that lets another computer see and drive the laptop is plugged into {string.Join(", ", found.Select(f => f.Snapshot.DeviceId).Distinct())} " +
            $"({string.Join("; ", found.Select(f => $"{f.Device.Name} ({f.Why})").Distinct())}): the IP-KVM set-up of a laptop farm.",
            new JsonObject
            {
                ["usbDevices"] = Limited(found, f => new JsonObject
                {
                    ["deviceId"] = f.Snapshot.DeviceId, ["name"] = f.Device.Name, ["vendorId"] = f.Device.VendorId, ["productId"] = f.Device.ProductId,
                    ["identifiedAs"] = f.Why, ["firstSeenAt"] = Time(f.Snapshot.TakenAt), ["snapshotEventId"] = f.Snapshot.EventId,
                }),
            }));
    }

    private static string? Identify(UsbDevice device)
    {
        if (KnownIds.TryGetValue((Hex(device.VendorId), Hex(device.ProductId)), out var known)) return known;
        return ProductNames.Find(device.Name, Names) is { } named ? named.Display : null;
    }

    /// <summary>"0x1D6B", "1d6b" and "1D6B" alike.</summary>
    private static string Hex(string? id)
    {
        var s = (id ?? "").Trim().ToLowerInvariant();
        return s.StartsWith("0x") ? s[2..] : s;
    }
}
