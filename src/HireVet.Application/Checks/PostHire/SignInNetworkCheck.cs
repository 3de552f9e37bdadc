using System.Text.Json.Nodes;
using HireVet.Application.Dossiers;
using HireVet.Application.ReferenceData;
using HireVet.Application.ReferenceData.Network;
using static HireVet.Application.Checks.PostHire.PostHireData;

namespace HireVet.Application.Checks.PostHire;

/// <summary>What networks the worker's successful sign-ins come from (HireVet's own lookup). NET-07: a VPN provider
/// (medium; Astrill VPN, named in the advisories, high when the VPN data names it), a hosting or datacenter network,
/// as from a rented server (medium: the catalogue's "VPS ranges"), or Apple iCloud Private Relay, a privacy feature
/// of many iPhones and Macs (low, unweighted context, and only when no VPN was used). NET-08: a sign-in from North
/// Korea's address block (175.45.176.0/22, AS131279), high, as the pre-hire network check treats it.</summary>
public sealed class SignInNetworkCheck : ICheck
{
    public string Name => "sign-in-network";
    public string[] Indicators => ["NET-07", "NET-08"];

    private sealed record Address(IpInfo Info, SignInEvent[] SignIns);

    public CheckResult Run(VettingContext context)
    {
        if (context.PostHire is not { } activity) return CheckResult.NotEvaluated(NotHired);
        var signIns = activity.SignIns.Where(s => s.Succeeded && s.Ip is not null).ToArray();
        if (signIns.Length == 0) return CheckResult.NotEvaluated("No successful sign-ins with an IP address since the hire.");
        if (context.Reference.Get<NetworkIntelligence>(Datasets.Network) is not { } network)
            return CheckResult.NotEvaluated(context.Reference.Unavailable(Datasets.Network));

        var addresses = signIns
            .Select(s => (SignIn: s, Info: activity.Lookup(network, s.Ip)))
            .Where(x => x.Info is not null)
            .GroupBy(x => x.Info!.Ip)
            .Select(g => new Address(g.First().Info!, [.. g.Select(x => x.SignIn).OrderBy(s => s.OccurredAt)]))
            .ToArray();
        var signals = new List<RawSignal>();

        var dprk = addresses.Where(a => a.Info.IsDprk).ToArray();
        if (dprk.Length > 0)
            signals.Add(new RawSignal("NET-08", Severity.High,
                $"The worker signed in from North Korea's address block (175.45.176.0/22, AS131279): {string.Join(", ", dprk.Select(a => a.Info.Ip))}.",
                Evidence(dprk, signIns.Length)));

        var vpn = addresses.Where(a => a.Info.IsVpn && !a.Info.IsICloudPrivateRelay).ToArray();
        if (vpn.Length > 0)
        {
            var astrill = vpn.Any(a => $"{a.Info.VpnProvider} {a.Info.Organisation}".Contains("Astrill", StringComparison.OrdinalIgnoreCase));
            var providers = string.Join(", ", vpn.Select(a => a.Info.VpnProvider ?? a.Info.Organisation ?? "unknown provider").Distinct());
            signals.Add(new RawSignal("NET-07", astrill ? Severity.High : Severity.Medium,
                $"{Wording.Plural(vpn.Sum(a => a.SignIns.Length), "successful sign-in", "successful sign-ins")} came through a VPN provider ({providers})" +
                $"{(astrill ? "; Astrill VPN is named in the advisories" : ", which hides where the worker is")}.",
                Evidence(vpn, signIns.Length)));
        }

        var hosting = addresses.Where(a => a.Info.IsHosting && !a.Info.IsVpn).ToArray();
        if (hosting.Length > 0)
            signals.Add(new RawSignal("NET-07", Severity.Medium,
                $"{Wording.Plural(hosting.Sum(a => a.SignIns.Length), "successful sign-in", "successful sign-ins")} came from a hosting or datacenter network " +
                $"({string.Join(", ", hosting.Select(a => a.Info.Organisation ?? "unknown").Distinct())}), as from a rented server rather than a home or office.",
                Evidence(hosting, signIns.Length)));

        var relay = addresses.Where(a => a.Info.IsICloudPrivateRelay).ToArray();
        if (relay.Length > 0 && vpn.Length == 0)
            signals.Add(new RawSignal("NET-07", Severity.Low,
                "The worker signed in through Apple iCloud Private Relay, a privacy feature of many iPhones and Macs: context only.",
                Evidence(relay, signIns.Length)));

        return signals.Count == 0 ? CheckResult.NotFired : CheckResult.Fired([.. signals]);
    }

    private static JsonObject Evidence(Address[] addresses, int successfulSignIns) => new()
    {
        ["addresses"] = Limited(addresses, a => new JsonObject
        {
            ["ip"] = a.Info.Ip, ["asn"] = a.Info.Asn, ["organisation"] = a.Info.Organisation, ["registeredCountry"] = a.Info.Country,
            ["vpnProvider"] = a.Info.VpnProvider, ["signIns"] = a.SignIns.Length,
            ["firstSeenAt"] = Time(a.SignIns[0].OccurredAt), ["lastSeenAt"] = Time(a.SignIns[^1].OccurredAt),
            ["eventIds"] = new JsonArray([.. a.SignIns.Take(10).Select(s => (JsonNode)s.EventId)]),
        }),
        ["signInsFromThese"] = addresses.Sum(a => a.SignIns.Length),
        ["successfulSignIns"] = successfulSignIns,
    };
}
