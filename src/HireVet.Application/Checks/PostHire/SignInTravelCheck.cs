using System.Text.Json.Nodes;
using HireVet.Application.Checks.Network;
using HireVet.Application.ReferenceData;
using HireVet.Application.ReferenceData.Network;
using static HireVet.Application.Checks.PostHire.PostHireData;

namespace HireVet.Application.Checks.PostHire;

/// <summary>NET-01 after the hire: successful sign-ins to the worker's account from addresses registered in different
/// countries within a short time. Two countries less than an hour apart, or three or more within a day, is more than
/// anyone travels (high); two countries within a day can be a flight (medium, meaningful with other signals). Only
/// HireVet's own lookup of the addresses counts (not the identity provider's geolocation), and VPN, relay and hosting
/// exits are left out: their country is the provider's.</summary>
public sealed class SignInTravelCheck : ICheck
{
    public string Name => "sign-in-travel";
    public string[] Indicators => ["NET-01"];

    private sealed record Sighting(SignInEvent SignIn, IpInfo Info)
    {
        public string Country => Info.Country!;

        public JsonObject ToJson() => new()
        {
            ["eventId"] = SignIn.EventId, ["ip"] = Info.Ip, ["signedInAt"] = Time(SignIn.OccurredAt), ["registeredCountry"] = Country,
            ["asn"] = Info.Asn, ["organisation"] = Info.Organisation, ["deviceId"] = SignIn.DeviceId,
        };
    }

    public CheckResult Run(VettingContext context)
    {
        if (context.PostHire is not { } activity) return CheckResult.NotEvaluated(NotHired);
        var signIns = activity.SignIns.Where(s => s.Succeeded && s.Ip is not null).ToArray();
        if (signIns.Length < 2) return CheckResult.NotEvaluated("Fewer than two successful sign-ins with an IP address.");
        if (context.Reference.Get<NetworkIntelligence>(Datasets.Network) is not { } network)
            return CheckResult.NotEvaluated(context.Reference.Unavailable(Datasets.Network));

        var located = signIns
            .Select(s => (SignIn: s, Info: activity.Lookup(network, s.Ip)))
            .Where(x => x.Info is { } info && Locates(info))
            .Select(x => new Sighting(x.SignIn, x.Info!))
            .OrderBy(s => s.SignIn.OccurredAt)
            .ToArray();

        var jumps = CountryTravel.Jumps(located, s => s.SignIn.OccurredAt, s => s.Country);
        var busiest = CountryTravel.BusiestDay(located, s => s.SignIn.OccurredAt, s => s.Country);

        if (jumps.Length == 0 && busiest.Countries.Length < 2) return CheckResult.NotFired;
        var severity = jumps.Length > 0 || busiest.Countries.Length >= 3 ? Severity.High : Severity.Medium;
        var explanation = jumps.Length > 0
            ? $"Successful sign-ins came from {jumps[0].First.Country} ({jumps[0].First.Info.Ip}) and {jumps[0].Second.Country} ({jumps[0].Second.Info.Ip}) " +
              $"{(int)(jumps[0].Second.SignIn.OccurredAt - jumps[0].First.SignIn.OccurredAt).TotalMinutes} minutes apart, faster than anyone travels: the account is used from two places."
            : busiest.Countries.Length >= 3
                ? $"Successful sign-ins came from {busiest.Countries.Length} countries within one day ({string.Join(", ", busiest.Countries)}), more than travel explains."
                : $"Successful sign-ins came from two countries within one day ({string.Join(" and ", busiest.Countries)}); a flight can explain this, so it counts only with other signals.";

        var window = located.Skip(busiest.Start).Take(busiest.Count).ToArray();
        return CheckResult.Fired(new RawSignal("NET-01", severity, explanation, new JsonObject
        {
            ["impossibleJumps"] = Limited(jumps, j => new JsonObject
            {
                ["from"] = j.First.ToJson(), ["to"] = j.Second.ToJson(),
                ["minutesApart"] = (int)(j.Second.SignIn.OccurredAt - j.First.SignIn.OccurredAt).TotalMinutes,
            }),
            ["countriesWithinOneDay"] = new JsonArray([.. busiest.Countries.Select(c => (JsonNode)c)]),
            ["sightings"] = Limited(window, s => s.ToJson()),
            ["sightingsInDay"] = window.Length,
            ["leftOutAsVpnRelayOrHosting"] = signIns.Length - located.Length,
        }));
    }
}
