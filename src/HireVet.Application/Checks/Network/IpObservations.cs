using System.Net;
using HireVet.Application.Common.Formats;
using HireVet.Application.Dossiers;

namespace HireVet.Application.Checks.Network;

/// <summary>Every IP address the dossier saw the candidate at: network observations and interviews.</summary>
internal static class IpObservations
{
    public sealed record Observation(string Ip, IPAddress Address, DateTimeOffset? At, string Context, string? DeviceTimeZone);

    public static IReadOnlyList<Observation> From(Dossier d)
    {
        var list = new List<Observation>();
        foreach (var o in d.NetworkObservations ?? [])
            if (IpAddresses.TryParseStrict(o.Ip, out var ip))
                list.Add(new(o.Ip!, ip!, o.ObservedAt, o.Context ?? "observation", o.DeviceTimeZone));
        foreach (var i in d.Interviews ?? [])
            if (IpAddresses.TryParseStrict(i.Ip, out var ip))
                list.Add(new(i.Ip!, ip!, i.At, "interview", null));
        return list;
    }
}
