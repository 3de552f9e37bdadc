using System.Text.Json.Nodes;
using HireVet.Application.Common.Formats;
using HireVet.Application.Dossiers;
using HireVet.Application.ReferenceData;
using HireVet.Application.ReferenceData.Network;

namespace HireVet.Application.Checks.Network;

/// <summary>NET-09: the time zone the candidate's device reports is hours away from the time zone they claim to live
/// in. Compared as UTC offsets at the moment of each observation, so Europe/Berlin and Europe/Paris agree. A traveller's
/// clock follows them: a device zone of the very country a residential IP of that observation is registered in is
/// consistent, not a mismatch (when the network and time-zone data are loaded). A clock on UTC says nothing.</summary>
public sealed class TimeZoneCheck : ICheck
{
    /// <summary>Neighbouring zones and daylight-saving edges differ by an hour or two; a working day's shift does not.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromHours(2);

    public string Name => "device-time-zone";
    public string[] Indicators => ["NET-09"];

    public CheckResult Run(VettingContext context)
    {
        var d = context.Dossier;
        if (d.ClaimedTimeZone is null || !TimeZoneInfo.TryFindSystemTimeZoneById(d.ClaimedTimeZone, out var claimed))
            return CheckResult.NotEvaluated("The dossier has no claimed time zone.");
        var observed = (d.NetworkObservations ?? [])
            .Where(o => o.DeviceTimeZone is not null && o.ObservedAt is not null && !IsLocationless(o.DeviceTimeZone)).ToArray();
        if (observed.Length == 0) return CheckResult.NotEvaluated("No observation reports a device time zone that names a place (none given, or UTC).");

        var far = observed
            .Select(o => (Observation: o, Zone: TimeZoneInfo.TryFindSystemTimeZoneById(o.DeviceTimeZone!, out var z) ? z : null))
            .Where(x => x.Zone is not null)
            .Select(x => (x.Observation, x.Zone, Gap: x.Zone!.GetUtcOffset(x.Observation.ObservedAt!.Value) - claimed.GetUtcOffset(x.Observation.ObservedAt!.Value)))
            .Where(x => x.Gap.Duration() > Tolerance)
            .Where(x => !ClockFollowsTheNetwork(context, x.Observation))
            .ToArray();
        if (far.Length == 0) return CheckResult.NotFired;


        var zones = string.Join(", ", far.Select(x => x.Observation.DeviceTimeZone).Distinct());
        return CheckResult.Fired(new RawSignal("NET-09", Severity.Medium,
            $"The device reported {zones}, {far.Max(x => x.Gap.Duration()).TotalHours:0.#} hours from the claimed time zone {d.ClaimedTimeZone}.",
            new JsonObject
            {
                ["claimedTimeZone"] = d.ClaimedTimeZone,
                ["observations"] = new JsonArray([.. far.Select(x => (JsonNode)new JsonObject
                {
                    ["ip"] = x.Observation.Ip, ["seenAt"] = x.Observation.ObservedAt?.ToString("O"),
                    ["deviceTimeZone"] = x.Observation.DeviceTimeZone, ["hoursApart"] = x.Gap.TotalHours,
                })]),
            }));
    }

    /// <summary>UTC and the Etc/ zones name no place: developers and servers run clocks on them anywhere.</summary>
    public static bool IsLocationless(string zone) =>
        zone.StartsWith("Etc/", StringComparison.OrdinalIgnoreCase)
        || zone.ToUpperInvariant() is "UTC" or "GMT" or "UCT" or "UNIVERSAL" or "ZULU" or "GREENWICH";

    private static bool ClockFollowsTheNetwork(VettingContext context, NetworkObservation o)
    {
        if (context.Reference.Get<NetworkIntelligence>(Datasets.Network) is not { } network
            || context.Reference.Get<TimeZoneCountries>(Datasets.TimeZones) is not { } zones
            || !IpAddresses.TryParseStrict(o.Ip, out var ip)) return false;
        var info = network.Enrich(ip!);
        return !info.IsVpn && !info.IsHosting && info.Country is { } country && zones.IsUsedIn(o.DeviceTimeZone!, country);
    }
}
