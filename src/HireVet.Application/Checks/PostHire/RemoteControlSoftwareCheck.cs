using System.Text.Json.Nodes;
using static HireVet.Application.Checks.PostHire.PostHireData;

namespace HireVet.Application.Checks.PostHire;

/// <summary>NET-05: remote-control software on the worker's endpoint, which lets someone elsewhere drive the company
/// laptop (the laptop-farm pattern). The catalogue names Chrome Remote Desktop, AnyDesk, TeamViewer and RustDesk; the
/// list adds the other widely used remote-desktop and remote-support products. Matched by whole words of the product
/// name (<see cref="ProductNames"/>), so version suffixes and "_host" variants match and unrelated words that merely
/// contain a product name do not. The operating system's own tools (Microsoft Remote Desktop client, Quick Assist)
/// are not on the list. High, but IT may sanction one of these: the explanation says so.</summary>
public sealed class RemoteControlSoftwareCheck : ICheck
{
    public static readonly IReadOnlyList<(string Product, string Display)> Products =
    [
        ("anydesk", "AnyDesk"), ("teamviewer", "TeamViewer"), ("chromeremotedesktop", "Chrome Remote Desktop"), ("rustdesk", "RustDesk"),
        ("splashtop", "Splashtop"), ("screenconnect", "ScreenConnect"), ("connectwisecontrol", "ConnectWise Control"),
        ("logmein", "LogMeIn"), ("realvnc", "RealVNC"), ("tightvnc", "TightVNC"), ("ultravnc", "UltraVNC"), ("tigervnc", "TigerVNC"),
        ("vncserver", "VNC Server"), ("vncviewer", "VNC Viewer"), ("vncconnect", "VNC Connect"), ("parsec", "Parsec"),
        ("dwservice", "DWService"), ("dwagent", "DWService agent"), ("nomachine", "NoMachine"), ("ammyyadmin", "Ammyy Admin"),
        ("remoteutilities", "Remote Utilities"), ("zohoassist", "Zoho Assist"), ("remotepc", "RemotePC"), ("bomgar", "Bomgar"),
        ("meshcentral", "MeshCentral"), ("meshagent", "MeshCentral agent"),
    ];

    public string Name => "remote-control-software";
    public string[] Indicators => ["NET-05"];

    public CheckResult Run(VettingContext context)
    {
        if (context.PostHire is not { } activity) return CheckResult.NotEvaluated(NotHired);
        if (activity.Endpoints.Count == 0) return CheckResult.NotEvaluated("No endpoint snapshots (EDR or MDM inventory) since the hire.");

        var found = activity.Endpoints
            .SelectMany(e => e.InstalledSoftware.Select(name => (Snapshot: e, Software: name, Product: ProductNames.Find(name, Products))))
            .Where(x => x.Product is not null)
            .GroupBy(x => (x.Snapshot.DeviceId, x.Software))
            .Select(g => (First: g.MinBy(x => x.Snapshot.TakenAt), Last: g.MaxBy(x => x.Snapshot.TakenAt).Snapshot))
            .ToArray();
        if (found.Length == 0) return CheckResult.NotFired;

        var products = string.Join(", ", found.Select(f => f.First.Product!.Value.Display).Distinct());
        var devices = string.Join(", ", found.Select(f => f.First.Snapshot.DeviceId).Distinct());
        return CheckResult.Fired(new RawSignal("NET-05", Severity.High,
            $"Remote-control software ({products}) is installed on the worker's endpoint {devices}: it lets someone elsewhere drive the company laptop, unless IT sanctioned it.",
            new JsonObject
            {
                ["software"] = Limited(found, f => new JsonObject
                {
                    ["deviceId"] = f.First.Snapshot.DeviceId, ["software"] = f.First.Software, ["product"] = f.First.Product!.Value.Display,
                    ["firstSeenAt"] = Time(f.First.Snapshot.TakenAt), ["lastSeenAt"] = Time(f.Last.TakenAt), ["snapshotEventId"] = f.First.Snapshot.EventId,
                }),
            }));
    }
}
