using System.Text.Json.Nodes;
using HireVet.Application.ReferenceData;
using HireVet.Application.ReferenceData.Network;

namespace HireVet.Application.Checks.Network;

/// <summary>Where the candidate's IP addresses come from: the DPRK's address block (NET-08, high), a VPN provider
/// (NET-07; Apple iCloud Private Relay only as low context), a hosting or datacenter network (NET-04), or a registered
/// country other than the claimed residence (NET-08, medium). VPN and hosting addresses say nothing about where a
/// person is, so they are left out of the country comparison.</summary>
public sealed class NetworkOriginCheck : ICheck
{
    public string Name => "network-origin";
    public string[] Indicators => ["NET-04", "NET-07", "NET-08"];

    public CheckResult Run(VettingContext context)
    {
        var observations = IpObservations.From(context.Dossier);
        if (observations.Count == 0) return CheckResult.NotEvaluated("The dossier has no IP addresses (network observations or interviews).");
        if (context.Reference.Get<NetworkIntelligence>(Datasets.Network) is not { } network)
            return CheckResult.NotEvaluated(context.Reference.Unavailable(Datasets.Network));

        var seen = observations.Select(o => (Observation: o, Info: network.Enrich(o.Address))).ToArray();
        var signals = new List<RawSignal>();

        var dprk = seen.Where(s => s.Info.IsDprk).ToArray();
        if (dprk.Length > 0)
            signals.Add(new RawSignal("NET-08", Severity.High,
                $"The candidate was seen at {Wording.Plural(dprk.Length, "address", "addresses")} in North Korea's address block (175.45.176.0/22, AS131279).",
                Evidence(dprk)));

        var vpn = seen.Where(s => s.Info.IsVpn && !s.Info.IsICloudPrivateRelay).ToArray();
        if (vpn.Length > 0)
        {
            var astrill = vpn.Any(s => s.Info.VpnProvider?.Contains("Astrill", StringComparison.OrdinalIgnoreCase) == true);
            var providers = string.Join(", ", vpn.Select(s => s.Info.VpnProvider ?? s.Info.Organisation ?? "unknown provider").Distinct());
            signals.Add(new RawSignal("NET-07", astrill ? Severity.High : Severity.Medium,
                $"The candidate connected through a VPN provider ({providers}){(astrill ? "; Astrill VPN is named in the advisories" : "")}.",
                Evidence(vpn)));
        }

        var relay = seen.Where(s => s.Info.IsICloudPrivateRelay).ToArray();
        if (relay.Length > 0 && vpn.Length == 0)
            signals.Add(new RawSignal("NET-07", Severity.Low,
                "The candidate used Apple iCloud Private Relay, a privacy feature of many iPhones and Macs: context only.",
                Evidence(relay)));

        var hosting = seen.Where(s => s.Info.IsHosting && !s.Info.IsVpn).ToArray();
        if (hosting.Length > 0)
            signals.Add(new RawSignal("NET-04", Severity.Medium,
                $"The candidate connected from a hosting or datacenter network ({string.Join(", ", hosting.Select(s => s.Info.Organisation ?? "unknown").Distinct())}), as from a rented server rather than a home or office.",
                Evidence(hosting)));

        var claimed = context.Dossier.ClaimedResidence?.Country?.Trim().ToUpperInvariant();
        var abroad = seen.Where(s => claimed is not null && !s.Info.IsDprk && !s.Info.IsVpn && !s.Info.IsHosting
                                     && s.Info.Country is not null && s.Info.Country != claimed).ToArray();
        if (abroad.Length > 0)
        {
            var ties = CountryTies.Declared(context);
            var seenAtHome = seen.Any(s => s.Info.Country == claimed && !s.Info.IsVpn && !s.Info.IsHosting);
            foreach (var country in abroad.GroupBy(s => s.Info.Country!))
                signals.Add(Abroad(country.Key, [.. country], claimed!, ties.Contains(country.Key), seenAtHome));
        }

        return signals.Count == 0 ? CheckResult.NotFired : CheckResult.Fired([.. signals]);
    }

    /// <summary>NET-08 medium for the sightings in one other country, placed there (<see cref="Signal.Place"/>) when an
    /// ordinary life event explains them: one stay of at most a month while the candidate is otherwise seen at home (a
    /// trip, a move), or a country their own declarations tie them to. China, Russia and a country seen for longer
    /// that nothing ties them to stay unplaced.</summary>
    private static RawSignal Abroad(string country, (IpObservations.Observation Observation, IpInfo Info)[] sightings, string claimed, bool tied, bool seenAtHome)
    {
        var times = sightings.Select(s => s.Observation.At).ToArray();
        var oneStay = times.All(t => t is not null) && times.Max() - times.Min() <= CountryTies.OneStay;
        var trip = sightings.Length == 1 || (oneStay && seenAtHome);
        var ofConcern = CountryTies.NetworksOfConcern.Contains(country);
        var why = ofConcern ? "; the advisories name networks in China and Russia, so no trip or tie explains it away"
            : tied ? $"; the candidate's own details (bank, phone, document or shipping address) also point to {country}"
            : trip ? $"; {(sightings.Length == 1 ? "a single session" : "one stay of at most a month")} abroad, as on a trip"
            : "";
        return new RawSignal("NET-08", Severity.Medium,
            $"{Wording.Plural(sightings.Length, "address is", "addresses are")} registered in {country}, not in the claimed country of residence ({claimed}){why}.",
            Evidence(sightings, new JsonObject { ["claimedCountry"] = claimed, ["country"] = country, ["explainedBy"] = ofConcern ? null : tied ? "ties" : trip ? "trip" : null }))
        {
            Place = !ofConcern && (tied || trip) ? country : null,
        };
    }

    private static JsonObject Evidence(IEnumerable<(IpObservations.Observation Observation, IpInfo Info)> seen, JsonObject? extra = null)
    {
        var evidence = extra ?? [];
        evidence["addresses"] = new JsonArray([.. seen.Select(s => (JsonNode)new JsonObject
        {
            ["ip"] = s.Observation.Ip,
            ["context"] = s.Observation.Context,
            ["seenAt"] = s.Observation.At?.ToString("O"),
            ["asn"] = s.Info.Asn,
            ["organisation"] = s.Info.Organisation,
            ["registeredCountry"] = s.Info.Country,
            ["vpnProvider"] = s.Info.VpnProvider,
        })]);
        return evidence;
    }
}
