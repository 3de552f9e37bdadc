using System.Text.Json.Nodes;
using HireVet.Application.Common.Formats;
using HireVet.Application.ReferenceData.Network;

namespace HireVet.Application.Checks.PostHire;

/// <summary>What the post-hire checks share: the reason they give for a candidate not hired, HireVet's own lookup of
/// an IP address, and how other workers appear in evidence.</summary>
internal static class PostHireData
{
    public const string NotHired = "Not hired: no post-hire events.";

    /// <summary>Evidence lists stop here; the count of what was left out is given beside them.</summary>
    public const int EvidenceLimit = 50;

    /// <summary>HireVet's lookup of an address, or null when it is not a strict IPv4/IPv6 address.</summary>
    public static IpInfo? Enrich(NetworkIntelligence network, string? ip) =>
        IpAddresses.TryParseStrict(ip, out var address) ? network.Enrich(address!) : null;

    /// <summary>An address whose registered country says where a person is: routed (has an ASN and a country), and not a
    /// VPN, relay or hosting exit, whose country is the provider's.</summary>
    public static bool Locates(IpInfo info) => info is { Asn: not null, Country: not null, IsVpn: false, IsHosting: false };

    public static JsonArray Workers(IEnumerable<OtherWorker> workers) => [.. workers
        .DistinctBy(w => w.WorkerId)
        .Select(w => (JsonNode)new JsonObject
        {
            ["workerId"] = w.WorkerId, ["candidateId"] = w.CandidateId, ["employeeId"] = w.EmployeeId, ["legalName"] = w.LegalName,
        })];

    public static string Names(IEnumerable<OtherWorker> workers) =>
        string.Join(", ", workers.DistinctBy(w => w.WorkerId).Select(w => w.LegalName.Length > 0 ? w.LegalName : $"worker {w.WorkerId}"));

    public static JsonArray Limited<T>(IReadOnlyCollection<T> items, Func<T, JsonNode> toJson) => [.. items.Take(EvidenceLimit).Select(toJson)];

    public static string Time(DateTimeOffset at) => at.ToString("O");

    /// <summary>A moment as a reviewer reads it in a sentence: "2026-11-16 15:00 UTC".</summary>
    public static string Utc(DateTimeOffset at) => $"{at.UtcDateTime:yyyy-MM-dd HH:mm} UTC";
}
