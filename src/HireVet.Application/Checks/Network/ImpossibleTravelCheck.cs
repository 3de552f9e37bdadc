using System.Text.Json.Nodes;
using HireVet.Application.ReferenceData;
using HireVet.Application.ReferenceData.Network;

namespace HireVet.Application.Checks.Network;

/// <summary>NET-01: two sightings in different countries closer in time than anyone could travel between them, or
/// three or more countries within a day. VPN and hosting addresses are left out: their country is the provider's.</summary>
public sealed class ImpossibleTravelCheck : ICheck
{
    public string Name => "impossible-travel";
    public string[] Indicators => ["NET-01"];

    public CheckResult Run(VettingContext context)
    {
        var timed = IpObservations.From(context.Dossier).Where(o => o.At is not null).ToArray();
        if (timed.Length < 2) return CheckResult.NotEvaluated("Fewer than two timed IP observations.");
        if (context.Reference.Get<NetworkIntelligence>(Datasets.Network) is not { } network)
            return CheckResult.NotEvaluated(context.Reference.Unavailable(Datasets.Network));

        var located = timed
            .Select(o => (Observation: o, Info: network.Enrich(o.Address)))
            .Where(s => s.Info.Country is not null && !s.Info.IsVpn && !s.Info.IsHosting)
            .OrderBy(s => s.Observation.At)
            .ToArray();

        var jumps = CountryTravel.Jumps(located, s => s.Observation.At!.Value, s => s.Info.Country!);
        var busiestDay = CountryTravel.BusiestDay(located, s => s.Observation.At!.Value, s => s.Info.Country!).Countries;

        if (jumps.Length == 0 && busiestDay.Length < 3) return CheckResult.NotFired;
        var explanation = jumps.Length > 0
            ? $"The candidate was seen in {jumps[0].First.Info.Country} and {jumps[0].Second.Info.Country} " +
              $"{(int)(jumps[0].Second.Observation.At - jumps[0].First.Observation.At)!.Value.TotalMinutes} minutes apart, faster than anyone travels."
            : $"The candidate was seen in {busiestDay.Length} countries within one day ({string.Join(", ", busiestDay)}).";
        return CheckResult.Fired(new RawSignal("NET-01", Severity.Medium, explanation, new JsonObject
        {
            ["sightings"] = new JsonArray([.. located.Select(s => (JsonNode)new JsonObject
            {
                ["ip"] = s.Observation.Ip, ["seenAt"] = s.Observation.At?.ToString("O"), ["registeredCountry"] = s.Info.Country,
                ["context"] = s.Observation.Context,
            })]),
            ["countriesWithinOneDay"] = new JsonArray([.. busiestDay.Select(c => (JsonNode)c)]),
        }));
    }
}
