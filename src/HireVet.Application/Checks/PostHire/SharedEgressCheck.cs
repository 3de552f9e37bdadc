using System.Text.Json.Nodes;
using HireVet.Application.ReferenceData;
using HireVet.Application.ReferenceData.Network;
using static HireVet.Application.Checks.PostHire.PostHireData;

namespace HireVet.Application.Checks.PostHire;

/// <summary>NET-02: other workers signed in from the same home or office connection as this one, as two "different"
/// employees' laptops behind one laptop farm do. VPN, relay and hosting exits are left out (strangers share them), and
/// so is address space with no route (private addresses say nothing about a place). Relatives who live and work
/// together share a connection too: the explanation says so, and the reviewer asks.</summary>
public sealed class SharedEgressCheck : ICheck
{
    public string Name => "shared-egress";
    public string[] Indicators => ["NET-02"];

    public CheckResult Run(VettingContext context)
    {
        if (context.PostHire is not { } activity) return CheckResult.NotEvaluated(NotHired);
        var shared = activity.SharedEgressIps.Where(s => s.OtherWorkers.Count > 0).ToArray();
        if (shared.Length == 0) return CheckResult.NotFired;
        if (context.Reference.Get<NetworkIntelligence>(Datasets.Network) is not { } network)
            return CheckResult.NotEvaluated(context.Reference.Unavailable(Datasets.Network));

        var looked = shared.Select(s => (Shared: s, Info: activity.Lookup(network, s.Value))).ToArray();
        var homes = looked.Where(x => x.Info is { } info && Locates(info)).ToArray();
        if (homes.Length == 0) return CheckResult.NotFired;

        var others = homes.SelectMany(x => x.Shared.OtherWorkers).DistinctBy(w => w.WorkerId).ToArray();
        return CheckResult.Fired(new RawSignal("NET-02", Severity.High,
            $"{Wording.Plural(others.Length, "other worker", "other workers")} ({Names(others)}) signed in from the same home or office connection as this worker " +
            $"({string.Join(", ", homes.Select(x => x.Info!.Ip))}): several employees behind one connection is how a laptop farm looks, unless they share a household.",
            new JsonObject
            {
                ["sharedIps"] = Limited(homes, x => new JsonObject
                {
                    ["ip"] = x.Info!.Ip, ["asn"] = x.Info.Asn, ["organisation"] = x.Info.Organisation, ["registeredCountry"] = x.Info.Country,
                    ["otherWorkers"] = PostHireData.Workers(x.Shared.OtherWorkers),
                }),
                ["otherWorkers"] = PostHireData.Workers(others),
                ["leftOut"] = Limited(looked.Except(homes).ToArray(), x => new JsonObject
                {
                    ["ip"] = x.Shared.Value,
                    ["reason"] = x.Info is null ? "not an IP address" : x.Info.IsVpn ? "VPN or relay exit" : x.Info.IsHosting ? "hosting network" : "no route or country",
                }),
            }));
    }
}
