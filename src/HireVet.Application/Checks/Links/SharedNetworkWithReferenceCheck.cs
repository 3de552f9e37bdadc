using System.Net;
using System.Text.Json.Nodes;
using HireVet.Application.Checks.Contact;
using HireVet.Application.Dossiers;
using HireVet.Application.ReferenceData;
using HireVet.Application.ReferenceData.Network;

namespace HireVet.Application.Checks.Links;

/// <summary>LINK-12: a candidate and a person vouching for them act from the same network address or device: a
/// reference's answers submitted from the candidate's own connection (Vitay, catalogue S56; S1), a referee of this
/// candidate acting from another candidate's connection, or candidates sharing one device (two candidates on one IP
/// address are LINK-04's). VPN, relay and hosting exits are left out as for LINK-04, and so are private and carrier-grade
/// NAT addresses: strangers share those. A referee who works where the
/// candidate works now may share the office connection: that is medium, and the explanation says so.</summary>
public sealed class SharedNetworkWithReferenceCheck : ICheck
{
    public string Name => "shared-network-with-reference";
    public string[] Indicators => ["LINK-12"];

    public CheckResult Run(VettingContext context)
    {
        var d = context.Dossier;
        var references = (d.References ?? []).Where(r => r.SubmittedFrom is not null).ToArray();
        var shared = context.SharedSightings ?? [];
        if (references.Length == 0 && shared.Count == 0)
            return CheckResult.NotEvaluated("No reference's submission was seen on the network, and no other candidate or reference shares this candidate's address or device.");

        var network = context.Reference.Get<NetworkIntelligence>(Datasets.Network);
        var leftOut = new List<(string Ip, string Reason)>();
        bool Counts(string ip)
        {
            if (ExclusionOf(network, ip) is not { } reason) return true;
            leftOut.Add((ip, reason));
            return false;
        }

        var signals = new List<RawSignal>();
        var myIps = NetworkSightings.CandidateIps(d).ToHashSet();
        var myDevices = NetworkSightings.CandidateDevices(d).ToHashSet(StringComparer.Ordinal);
        var currentEmployers = (d.EmploymentHistory ?? []).Where(e => e.EndedOn is null)
            .Select(e => EmployerNames.Key(e.Employer)).OfType<string>().ToHashSet(StringComparer.Ordinal);

        foreach (var reference in references)
        {
            var from = reference.SubmittedFrom!;
            var ip = from.Ip is null ? null : NetworkSightings.NormalizeIp(from.Ip);
            var sameIp = ip is not null && myIps.Contains(ip) && Counts(ip);
            var device = NetworkSightings.NormalizeDevice(from.DeviceId);
            var sameDevice = device is not null && myDevices.Contains(device);
            if (!sameIp && !sameDevice) continue;

            var what = sameIp && sameDevice ? $"the same IP address ({ip}) and device ({CandidateIdentifiers.Mask(device!)})"
                : sameIp ? $"the same IP address ({ip})" : $"the same device ({CandidateIdentifiers.Mask(device!)})";
            // Colleagues share an office's connection, never one device.
            var colleague = !sameDevice && EmployerNames.Key(reference.Employer) is { } employer && currentEmployers.Contains(employer);
            signals.Add(new RawSignal("LINK-12", colleague ? Severity.Medium : Severity.High,
                $"The reference {reference.Name} answered from {what} the candidate used: a referee's form submitted from the candidate's own " +
                "connection is how a candidate vouches for themselves (Vitay, S56; S1)." +
                (colleague ? $" {reference.Name} works at {reference.Employer}, where the candidate works now: colleagues may share the office connection." : ""),
                new JsonObject
                {
                    ["reference"] = reference.Name,
                    ["referenceEmployer"] = reference.Employer,
                    ["ip"] = sameIp ? ip : null,
                    ["device"] = sameDevice ? CandidateIdentifiers.Mask(device!) : null,
                    ["submittedAt"] = from.At?.ToString("O"),
                    ["sameCurrentEmployer"] = colleague,
                }));
        }

        var links = shared
            .Where(s => s.Kind != CandidateIdentifiers.Kinds.Ip || Counts(s.Display))
            .GroupBy(s => (s.Kind, s.Display))
            .ToArray();
        foreach (var link in links)
        {
            var what = link.Key.Kind == CandidateIdentifiers.Kinds.Ip ? $"IP address {link.Key.Display}" : $"device {link.Key.Display}";
            var who = link.Select(Describe).Distinct().ToArray();
            signals.Add(new RawSignal("LINK-12", Severity.High,
                $"The {what} is shared across a candidate and the people vouching for them: {string.Join("; ", who.Take(3))}{(who.Length > 3 ? "; ..." : "")} " +
                "(Vitay, S56; S1).",
                new JsonObject
                {
                    ["identifierKind"] = link.Key.Kind,
                    ["identifier"] = link.Key.Display,
                    ["links"] = new JsonArray([.. link.Select(s => (JsonNode)new JsonObject
                    {
                        ["here"] = s.MineReference is null ? "candidate" : $"reference {s.MineReference}",
                        ["otherCandidateId"] = s.OtherCandidateId,
                        ["otherExternalId"] = s.OtherExternalId,
                        ["otherLegalName"] = s.OtherLegalName,
                        ["otherStatus"] = s.OtherStatus,
                        ["there"] = s.OtherReference is null ? "candidate" : $"reference {s.OtherReference}",
                    })]),
                }));
        }

        if (signals.Count == 0) return CheckResult.NotFired;
        if (leftOut.Count > 0)
            signals = [.. signals.Select(s => s with { Evidence = WithLeftOut(s.Evidence, leftOut) })];
        return CheckResult.Fired([.. signals]);
    }

    private static string Describe(SharedSighting s)
    {
        var here = s.MineReference is null ? "this candidate" : $"this candidate's reference {s.MineReference}";
        var there = s.OtherReference is null
            ? $"candidate {s.OtherLegalName} ({s.OtherExternalId})"
            : $"{s.OtherReference}, reference of candidate {s.OtherLegalName} ({s.OtherExternalId})";
        return $"{here} and {there}";
    }

    private static JsonObject WithLeftOut(JsonObject evidence, List<(string Ip, string Reason)> leftOut)
    {
        var copy = (JsonObject)evidence.DeepClone();
        copy["leftOut"] = new JsonArray([.. leftOut.Distinct().Select(l => (JsonNode)new JsonObject { ["ip"] = l.Ip, ["reason"] = l.Reason })]);
        return copy;
    }

    /// <summary>Why an address links nobody (strangers share it), or null when it does.</summary>
    private static string? ExclusionOf(NetworkIntelligence? network, string ip)
    {
        if (!IPAddress.TryParse(ip, out var address)) return null;
        if (!IsGlobal(address)) return "private or carrier-grade NAT address";
        if (network is null) return null;
        var info = network.Enrich(address);
        return info.IsVpn || info.IsICloudPrivateRelay ? "VPN or relay exit" : info.IsHosting ? "hosting network" : null;
    }

    // Private, loopback, link-local and carrier-grade NAT space (100.64.0.0/10: one address for a whole mobile network).
    private static bool IsGlobal(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6)
            return !(IPAddress.IsLoopback(address) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal);
        var b = address.GetAddressBytes();
        return !(b[0] is 10 or 127 or 0 || (b[0] == 172 && b[1] is >= 16 and <= 31) || (b[0] == 192 && b[1] == 168)
                 || (b[0] == 169 && b[1] == 254) || (b[0] == 100 && b[1] is >= 64 and <= 127));
    }
}
