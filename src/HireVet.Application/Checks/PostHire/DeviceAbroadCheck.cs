using System.Text.Json.Nodes;
using HireVet.Application.ReferenceData;
using HireVet.Application.ReferenceData.Network;
using static HireVet.Application.Checks.PostHire.PostHireData;

namespace HireVet.Application.Checks.PostHire;

/// <summary>SHIP-06: a company endpoint connects from a home or office network registered in a country other than the
/// worker's claimed residence, as a laptop reshipped abroad does. HireVet's own lookup of the snapshot's public IP;
/// VPN, relay and hosting exits are left out (their country is the provider's). High, though a worker may travel with
/// the laptop: the explanation says so.</summary>
public sealed class DeviceAbroadCheck : ICheck
{
    public string Name => "device-abroad";
    public string[] Indicators => ["SHIP-06"];

    public CheckResult Run(VettingContext context)
    {
        if (context.PostHire is not { } activity) return CheckResult.NotEvaluated(NotHired);
        if (context.Dossier.ClaimedResidence?.Country is not { Length: > 0 } claimed)
            return CheckResult.NotEvaluated("The dossier has no claimed country of residence.");
        var snapshots = activity.Endpoints.Where(e => e.PublicIp is not null).ToArray();
        if (snapshots.Length == 0) return CheckResult.NotEvaluated("No endpoint snapshot since the hire reports a public IP.");
        if (context.Reference.Get<NetworkIntelligence>(Datasets.Network) is not { } network)
            return CheckResult.NotEvaluated(context.Reference.Unavailable(Datasets.Network));

        var abroad = snapshots
            .Select(e => (Snapshot: e, Info: activity.Lookup(network, e.PublicIp)))
            .Where(x => x.Info is { } info && Locates(info) && !string.Equals(info.Country, claimed, StringComparison.OrdinalIgnoreCase))
            .GroupBy(x => (x.Snapshot.DeviceId, x.Info!.Ip))
            .Select(g => (First: g.MinBy(x => x.Snapshot.TakenAt), Last: g.MaxBy(x => x.Snapshot.TakenAt).Snapshot, Count: g.Count()))
            .OrderBy(x => x.First.Snapshot.TakenAt)
            .ToArray();
        if (abroad.Length == 0) return CheckResult.NotFired;

        var first = abroad[0].First;
        return CheckResult.Fired(new RawSignal("SHIP-06", Severity.High,
            $"The company endpoint {first.Snapshot.DeviceId} connected from {first.Info!.Ip}, a network registered in {first.Info.Country} ({first.Info.Organisation}), " +
            $"on {Utc(first.Snapshot.TakenAt)}, while the worker claims to live in {claimed}: the laptop may have been reshipped abroad, unless the worker travelled with it.",
            new JsonObject
            {
                ["claimedCountry"] = claimed,
                ["sightings"] = Limited(abroad, a => new JsonObject
                {
                    ["deviceId"] = a.First.Snapshot.DeviceId, ["serialNumber"] = a.First.Snapshot.SerialNumber, ["ip"] = a.First.Info!.Ip,
                    ["registeredCountry"] = a.First.Info.Country, ["asn"] = a.First.Info.Asn, ["organisation"] = a.First.Info.Organisation,
                    ["firstSeenAt"] = Time(a.First.Snapshot.TakenAt), ["lastSeenAt"] = Time(a.Last.TakenAt), ["snapshots"] = a.Count,
                    ["snapshotEventId"] = a.First.Snapshot.EventId,
                }),
            }));
    }
}
