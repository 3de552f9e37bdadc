using System.Text.Json.Nodes;
using HireVet.Application.Common.Formats;
using HireVet.Application.Dossiers;
using HireVet.Application.ReferenceData;
using HireVet.Application.ReferenceData.Network;

namespace HireVet.Application.Checks.Network;

/// <summary>NET-09: the time zone the candidate's device reports is hours away from the time zone they claim to live
/// in. Compared as UTC offsets at the moment of each observation, so Europe/Berlin and Europe/Paris agree. A traveller's
/// clock follows them: a device clock showing the time of the country a residential IP of that observation is
/// registered in, or of a country the candidate was seen in on a residential network within a month of it (outside
/// China, Russia and the DPRK), is consistent, not a mismatch (when the network and time-zone data are loaded). A
/// clock of a country the candidate's own declarations tie them to (bank, phone, document address) is placed there
/// (<see cref="Signal.Place"/>): a clock left on the time of a country lived in before. A far clock only during one stay
/// of at most a month, read in that zone's waking hours, with the claimed zone around it, is a trip behind a travel
/// router or a VPN home (low). A clock on UTC says nothing.</summary>
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
            .ToArray();
        var sightings = ResidentialSightings(context);
        far = [.. far.Where(x => !ClockFollowsTheNetwork(context, x.Observation, sightings))];
        if (far.Length == 0) return CheckResult.NotFired;
        var home = observed.Where(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.DeviceTimeZone!, out var z)
                                       && (z.GetUtcOffset(o.ObservedAt!.Value) - claimed.GetUtcOffset(o.ObservedAt!.Value)).Duration() <= Tolerance)
            .Select(o => o.ObservedAt!.Value).ToArray();
        var trip = far.All(x => IsWakingHour(x.Zone!, x.Observation.ObservedAt!.Value))
                   && IsOneTrip([.. far.Select(x => x.Observation.ObservedAt!.Value)], home);
        var place = PlaceOf(context, [.. far.Select(x => x.Observation)]) ?? (trip ? CountryOfZones(context, far.Select(x => x.Observation.DeviceTimeZone!)) : null);

        var zones = string.Join(", ", far.Select(x => x.Observation.DeviceTimeZone).Distinct());
        var gap = far.Max(x => x.Gap.Duration()).TotalHours;
        return CheckResult.Fired(new RawSignal("NET-09", trip ? Severity.Low : Severity.Medium,
            trip
                ? $"The device reported {zones}, {gap:0.#} hours from the claimed time zone {d.ClaimedTimeZone}, only during one stay of at most a month, in that zone's daytime, with the claimed zone around it: the clock followed a trip while the connection stayed the home one (a travel router or a VPN home)."
                : $"The device reported {zones}, {gap:0.#} hours from the claimed time zone {d.ClaimedTimeZone}.",
            new JsonObject
            {
                ["claimedTimeZone"] = d.ClaimedTimeZone,
                ["observations"] = new JsonArray([.. far.Select(x => (JsonNode)new JsonObject
                {
                    ["ip"] = x.Observation.Ip, ["seenAt"] = x.Observation.ObservedAt?.ToString("O"),
                    ["deviceTimeZone"] = x.Observation.DeviceTimeZone, ["hoursApart"] = x.Gap.TotalHours,
                })]),
                ["explainedBy"] = trip ? "trip" : place is null ? null : "ties",
            })
        { Place = place });
    }

    /// <summary>A traveller acts in the daytime of where they are; a worker abroad keeping the claimed zone's office
    /// hours acts in the night of theirs.</summary>
    private static bool IsWakingHour(TimeZoneInfo zone, DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, zone).Hour is >= 7 and < 23;

    /// <summary>The far clocks are one trip: one run of at most a month with no home clock inside it, and the claimed
    /// zone on both sides of it, or on one side when the far readings are no more than the home ones (a trip still going
    /// on, or just begun). A worker abroad shows the far zone throughout, or in most readings.</summary>
    private static bool IsOneTrip(DateTimeOffset[] far, DateTimeOffset[] home)
    {
        if (far.Length == 0 || home.Length == 0) return false;
        var (first, last) = (far.Min(), far.Max());
        if (last - first > CountryTies.OneStay || home.Any(h => h >= first && h <= last)) return false;
        var before = home.Any(h => h < first);
        var after = home.Any(h => h > last);
        return (before && after) || ((before || after) && far.Length <= home.Length);
    }

    /// <summary>The one country every zone is named for (tz database), or null when they differ or are unknown.</summary>
    private static string? CountryOfZones(VettingContext context, IEnumerable<string> zones)
    {
        if (context.Reference.Get<TimeZoneCountries>(Datasets.TimeZones) is not { } table) return null;
        var countries = zones.Select(table.HomeOf).Distinct().ToArray();
        return countries is [{ } only] ? only : null;
    }

    /// <summary>UTC and the Etc/ zones name no place: developers and servers run clocks on them anywhere.</summary>
    public static bool IsLocationless(string zone) =>
        zone.StartsWith("Etc/", StringComparison.OrdinalIgnoreCase)
        || zone.ToUpperInvariant() is "UTC" or "GMT" or "UCT" or "UNIVERSAL" or "ZULU" or "GREENWICH";

    private sealed record Sighting(string Ip, string Country, DateTimeOffset? At);

    private static Sighting[] ResidentialSightings(VettingContext context)
    {
        if (context.Reference.Get<NetworkIntelligence>(Datasets.Network) is not { } network) return [];
        return [.. IpObservations.From(context.Dossier)
            .Select(o => (o, Info: network.Enrich(o.Address)))
            .Where(x => !x.Info.IsVpn && !x.Info.IsHosting && x.Info.Country is not null)
            .Select(x => new Sighting(x.o.Ip, x.Info.Country!, x.o.At))];
    }

    private static bool ClockFollowsTheNetwork(VettingContext context, NetworkObservation o, Sighting[] sightings)
    {
        if (context.Reference.Get<TimeZoneCountries>(Datasets.TimeZones) is not { } zones) return false;
        var at = o.ObservedAt!.Value;
        return sightings.Any(s => s.Ip == o.Ip && zones.ShowsTimeOf(o.DeviceTimeZone!, s.Country, at))
            || sightings.Any(s => !CountryTies.NetworksOfConcern.Contains(s.Country) && s.At is { } seen
                                  && (seen - at).Duration() <= CountryTies.OneStay && zones.ShowsTimeOf(o.DeviceTimeZone!, s.Country, at));
    }

    /// <summary>The one country the candidate's declarations tie them to whose time every far clock shows, if any.</summary>
    private static string? PlaceOf(VettingContext context, NetworkObservation[] far)
    {
        if (context.Reference.Get<TimeZoneCountries>(Datasets.TimeZones) is not { } zones) return null;
        var matching = CountryTies.Declared(context)
            .Where(country => !CountryTies.NetworksOfConcern.Contains(country))
            .Where(country => far.All(o => zones.ShowsTimeOf(o.DeviceTimeZone!, country, o.ObservedAt!.Value)))
            .ToArray();
        return matching.Length == 1 ? matching[0] : null;
    }
}
