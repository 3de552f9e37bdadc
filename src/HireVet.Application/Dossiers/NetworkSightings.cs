namespace HireVet.Application.Dossiers;

/// <summary>Where the candidate and the people vouching for them were seen acting from: the candidate's IP addresses
/// and device ids (network observations, interviews) and each reference's submission. Stored as keyed hashes, like
/// <see cref="CandidateIdentifiers"/>, so a reference of one candidate can be matched with another candidate (LINK-12);
/// <c>Display</c> is what a reviewer sees (device ids masked).</summary>
public static class NetworkSightings
{
    public const string Candidate = "candidate";
    public const string Reference = "reference";
    /// <summary>The kinds: an IP address (as among the identifiers) or a device id.</summary>
    public const string Ip = CandidateIdentifiers.Kinds.Ip;
    public const string Device = "device";

    /// <summary>One sighting: who (the candidate, or the reference named), what kind (ip or device), the normalised value.</summary>
    public sealed record Sighting(string Actor, string? ReferenceName, string Kind, string Value, string Display);

    public static IReadOnlyList<Sighting> From(Dossier d)
    {
        var sightings = new List<Sighting>();
        foreach (var ip in CandidateIps(d)) sightings.Add(new(Candidate, null, Ip, ip, ip));
        foreach (var device in CandidateDevices(d)) sightings.Add(new(Candidate, null, Device, device, CandidateIdentifiers.Mask(device)));
        foreach (var r in d.References ?? [])
        {
            if (r.SubmittedFrom?.Ip is { Length: > 0 } ip)
                sightings.Add(new(Reference, r.Name, Ip, NormalizeIp(ip), NormalizeIp(ip)));
            if (NormalizeDevice(r.SubmittedFrom?.DeviceId) is { } device)
                sightings.Add(new(Reference, r.Name, Device, device, CandidateIdentifiers.Mask(device)));
        }
        return [.. sightings.Distinct()];
    }

    public static IEnumerable<string> CandidateIps(Dossier d) =>
        (d.NetworkObservations ?? []).Select(o => o.Ip).Concat((d.Interviews ?? []).Select(i => i.Ip)).OfType<string>()
            .Where(ip => ip.Length > 0).Select(NormalizeIp).Distinct();

    public static IEnumerable<string> CandidateDevices(Dossier d) =>
        (d.NetworkObservations ?? []).Select(o => NormalizeDevice(o.DeviceId)).OfType<string>().Distinct();

    /// <summary>One spelling per address ("::ffff:1.2.3.4" is 1.2.3.4; IPv6 in its canonical short form).</summary>
    public static string NormalizeIp(string ip)
    {
        var address = System.Net.IPAddress.Parse(ip.Trim());
        return (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
    }

    /// <summary>Vendors print device ids in either case; blank is none.</summary>
    public static string? NormalizeDevice(string? deviceId) =>
        string.IsNullOrWhiteSpace(deviceId) ? null : deviceId.Trim().ToLowerInvariant();
}
