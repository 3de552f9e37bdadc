using System.Text.Json.Nodes;
using static HireVet.Application.Checks.PostHire.PostHireData;

namespace HireVet.Application.Checks.PostHire;

/// <summary>NET-09 after the hire: most of the worker's successful sign-ins fall in the small hours of the time zone
/// they claim to live in, as if their working day were in a zone hours away. Needs enough sign-ins for a pattern.
/// Medium only: night-shift workers and travellers exist, and the explanation says to ask.</summary>
public sealed class WorkingHoursCheck : ICheck
{
    public const int MinimumSignIns = 20;

    /// <summary>Local hours counted as night: 00:00 to 05:59.</summary>
    public const int NightEndsAtHour = 6;

    public const double NightShare = 0.6;

    public string Name => "working-hours";
    public string[] Indicators => ["NET-09"];

    public CheckResult Run(VettingContext context)
    {
        if (context.PostHire is not { } activity) return CheckResult.NotEvaluated(NotHired);
        var zoneId = context.Dossier.ClaimedTimeZone;
        if (zoneId is null || !TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone))
            return CheckResult.NotEvaluated("The dossier has no claimed time zone (an IANA id such as America/Chicago).");
        var signIns = activity.SignIns.Where(s => s.Succeeded).ToArray();
        if (signIns.Length < MinimumSignIns)
            return CheckResult.NotEvaluated($"Fewer than {MinimumSignIns} successful sign-ins ({signIns.Length}): too few for a working-hours pattern.");

        var histogram = new int[24];
        foreach (var s in signIns) histogram[TimeZoneInfo.ConvertTime(s.OccurredAt, zone).Hour]++;
        var night = histogram.Take(NightEndsAtHour).Sum();
        var share = (double)night / signIns.Length;
        if (share < NightShare) return CheckResult.NotFired;

        return CheckResult.Fired(new RawSignal("NET-09", Severity.Medium,
            $"{Math.Round(share * 100):0}% of {signIns.Length} successful sign-ins fell between midnight and 6 a.m. in the claimed time zone {zoneId}, " +
            "as if the working day were in a zone hours away; night shifts and travel explain some cases, so ask.",
            new JsonObject
            {
                ["claimedTimeZone"] = zoneId,
                ["histogram"] = new JsonArray([.. histogram.Select(c => (JsonNode)c)]),
                ["nightHours"] = $"00:00-{NightEndsAtHour:00}:00",
                ["nightSignIns"] = night,
                ["successfulSignIns"] = signIns.Length,
                ["nightShare"] = Math.Round(share, 3),
                ["from"] = Time(signIns.Min(s => s.OccurredAt)),
                ["to"] = Time(signIns.Max(s => s.OccurredAt)),
            }));
    }
}
