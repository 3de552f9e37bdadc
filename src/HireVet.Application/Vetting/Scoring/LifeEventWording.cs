using HireVet.Application.Checks;
using HireVet.Application.Common.Formats;

namespace HireVet.Application.Vetting.Scoring;

/// <summary>A life event in words for reviewers: "one trip to Germany" when only sightings and the device clock place
/// the candidate there, "ties kept to Germany (a bank account there, a phone number from there)" otherwise.</summary>
public static class LifeEventWording
{
    public static string Describe(Ruleset.LifeEvent lifeEvent, IEnumerable<Signal> signals)
    {
        var country = CountryNames.Of(lifeEvent.Place);
        var members = signals.Where(s => s.Place == lifeEvent.Place && lifeEvent.Indicators.Contains(s.IndicatorId)).ToArray();
        if (members.All(s => s.IndicatorId is "NET-08" or "NET-09") && members.Any(IsTrip))
            return $"one trip to {country}";
        var traces = members.Select(s => s.IndicatorId switch
        {
            "NET-08" => "sightings on a residential network there",
            "NET-09" => "the device clock on its time",
            "PAY-02" => "a bank account there",
            "ID-01" => "a phone number from there",
            _ => s.IndicatorId,
        }).Distinct();
        return $"ties kept to {country} ({string.Join(", ", traces)})";
    }

    private static bool IsTrip(Signal s) => s.Evidence["explainedBy"]?.GetValue<string>() == "trip";
}
