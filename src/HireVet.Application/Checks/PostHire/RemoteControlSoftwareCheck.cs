using System.Text.Json.Nodes;
using static HireVet.Application.Checks.PostHire.PostHireData;

namespace HireVet.Application.Checks.PostHire;

/// <summary>NET-05: remote-control software on the worker's endpoint, which lets someone elsewhere drive the company
/// laptop (the laptop-farm pattern). The catalogue names Chrome Remote Desktop, AnyDesk, TeamViewer and RustDesk; the
/// list adds the other widely used remote-desktop and remote-support products. Matched by whole words of the product
/// name (<see cref="ProductNames"/>), so version suffixes and "_host" variants match and unrelated words that merely
/// contain a product name do not. The operating system's own tools (Microsoft Remote Desktop client, Quick Assist)
/// are not on the list. High. Tools IT installs itself are configured as sanctioned
/// (<see cref="PostHireSettings.SanctionedRemoteTools"/>): they raise nothing, and the trace and evidence name them.</summary>
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

    /// <summary>One remote-control product seen installed on one device: the software name as the inventory wrote it,
    /// the first snapshot that listed it and the last.</summary>
    public sealed record Install(string DeviceId, string Software, string Product, string Display, EndpointSnapshot First, EndpointSnapshot Last);

    /// <summary>Every remote-control install on the worker's endpoints, split into those IT sanctions and the rest.</summary>
    public static (Install[] Unsanctioned, Install[] Sanctioned) Installs(WorkerActivity activity, PostHireSettings settings)
    {
        var all = activity.Endpoints
            .SelectMany(e => e.InstalledSoftware.Select(name => (Snapshot: e, Software: name, Product: ProductNames.Find(name, Products))))
            .Where(x => x.Product is not null)
            .GroupBy(x => (x.Snapshot.DeviceId, x.Software))
            .Select(g =>
            {
                var first = g.MinBy(x => x.Snapshot.TakenAt);
                return new Install(g.Key.DeviceId, g.Key.Software, first.Product!.Value.Product, first.Product.Value.Display,
                    first.Snapshot, g.MaxBy(x => x.Snapshot.TakenAt).Snapshot);
            })
            .ToArray();
        return ([.. all.Where(i => !settings.SanctionedRemoteTools.Contains(i.Product))], [.. all.Where(i => settings.SanctionedRemoteTools.Contains(i.Product))]);
    }

    /// <summary>"Excused as sanctioned by IT: TeamViewer on LT-1.", or null when nothing was.</summary>
    public static string? Excused(Install[] sanctioned) => sanctioned.Length == 0 ? null
        : $"Excused as sanctioned by IT (PostHire:SanctionedRemoteTools): {string.Join(", ", sanctioned.Select(i => $"{i.Display} on {i.DeviceId}").Distinct())}.";

    public static JsonArray SanctionedEvidence(Install[] sanctioned) =>
        Limited(sanctioned, i => new JsonObject { ["deviceId"] = i.DeviceId, ["software"] = i.Software, ["product"] = i.Display });

    public CheckResult Run(VettingContext context)
    {
        if (context.PostHire is not { } activity) return CheckResult.NotEvaluated(NotHired);
        if (activity.Endpoints.Count == 0) return CheckResult.NotEvaluated("No endpoint snapshots (EDR or MDM inventory) since the hire.");

        var (found, sanctioned) = Installs(activity, context.PostHireSettings);
        var excused = Excused(sanctioned);
        if (found.Length == 0) return excused is null ? CheckResult.NotFired : CheckResult.NotFiredBecause(excused);

        var products = string.Join(", ", found.Select(f => f.Display).Distinct());
        var devices = string.Join(", ", found.Select(f => f.DeviceId).Distinct());
        return CheckResult.Fired(new RawSignal("NET-05", Severity.High,
            $"Remote-control software ({products}) is installed on the worker's endpoint {devices} and is not among the tools IT sanctions: " +
            "it lets someone elsewhere drive the company laptop (catalogue NET-05: S7, S35, S31, S30).",
            new JsonObject
            {
                ["software"] = Limited(found, f => new JsonObject
                {
                    ["deviceId"] = f.DeviceId, ["software"] = f.Software, ["product"] = f.Display,
                    ["firstSeenAt"] = Time(f.First.TakenAt), ["lastSeenAt"] = Time(f.Last.TakenAt), ["snapshotEventId"] = f.First.EventId,
                }),
                ["sanctioned"] = SanctionedEvidence(sanctioned),
            })) with { Note = excused };
    }
}
