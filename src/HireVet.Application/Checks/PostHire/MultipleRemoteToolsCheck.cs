using System.Text.Json.Nodes;
using static HireVet.Application.Checks.PostHire.PostHireData;

namespace HireVet.Application.Checks.PostHire;

/// <summary>NET-15: more than one remote-control or RMM product on one endpoint (AnyDesk and Chrome Remote Desktop and
/// TeamViewer together, say). One tool may be a stray install; several distinct products on one laptop are how an
/// operator keeps a way in when one is removed (Sophos CTU's playbook, S50; S7). Products are those of
/// <see cref="RemoteControlSoftwareCheck.Products"/>, counted per device over the window's snapshots, minus the ones IT
/// sanctions; two versions or components of one product ("TeamViewer" and "TeamViewer Host") count once.</summary>
public sealed class MultipleRemoteToolsCheck : ICheck
{
    public string Name => "multiple-remote-tools";
    public string[] Indicators => ["NET-15"];

    public CheckResult Run(VettingContext context)
    {
        if (context.PostHire is not { } activity) return CheckResult.NotEvaluated(NotHired);
        if (activity.Endpoints.Count == 0) return CheckResult.NotEvaluated("No endpoint snapshots (EDR or MDM inventory) since the hire.");

        var (unsanctioned, sanctioned) = RemoteControlSoftwareCheck.Installs(activity, context.PostHireSettings);
        var excused = RemoteControlSoftwareCheck.Excused(sanctioned);
        var devices = unsanctioned
            .GroupBy(i => i.DeviceId)
            .Select(g => (DeviceId: g.Key, Products: g.GroupBy(i => i.Product).Select(p => p.MinBy(i => i.First.TakenAt)!).ToArray()))
            .Where(d => d.Products.Length > 1)
            .ToArray();
        if (devices.Length == 0) return excused is null ? CheckResult.NotFired : CheckResult.NotFiredBecause(excused);

        var described = string.Join("; ", devices.Select(d => $"{d.DeviceId}: {string.Join(", ", d.Products.Select(p => p.Display))}"));
        return CheckResult.Fired(new RawSignal("NET-15", Severity.High,
            $"Several remote-control products that IT does not sanction are installed on one endpoint ({described}): more than one way " +
            "for someone elsewhere to drive the company laptop (catalogue NET-15: S50, S7).",
            new JsonObject
            {
                ["devices"] = Limited(devices, d => new JsonObject
                {
                    ["deviceId"] = d.DeviceId,
                    ["products"] = new JsonArray([.. d.Products.Select(p => (JsonNode)new JsonObject
                    {
                        ["product"] = p.Display, ["software"] = p.Software, ["firstSeenAt"] = Time(p.First.TakenAt), ["snapshotEventId"] = p.First.EventId,
                    })]),
                }),
                ["sanctioned"] = RemoteControlSoftwareCheck.SanctionedEvidence(sanctioned),
            })) with { Note = excused };
    }
}
