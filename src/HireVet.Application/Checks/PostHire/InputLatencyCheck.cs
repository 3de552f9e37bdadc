using System.Globalization;
using System.Text.Json.Nodes;
using static HireVet.Application.Checks.PostHire.PostHireData;

namespace HireVet.Application.Checks.PostHire;

/// <summary>NET-16: keystrokes and clicks reaching the laptop much later than they do for someone typing on it where the
/// worker says they live: the keyboard is far away and the laptop is driven remotely (reported of a supposedly US-based
/// worker: more than 110 ms where real US staff show tens of ms; S51, secondary). Read from the endpoint agent's
/// optional input-latency percentiles, compared with the claimed country's expected p95
/// (<see cref="PostHireSettings.ExpectedInputLatencyP95"/>). One slow week (a trip, a bad connection) is not enough: the
/// excess must persist, on at least <see cref="MinSnapshotsOver"/> snapshots of different days, each measured on at
/// least <see cref="MinSamples"/> inputs, and on at least two thirds of the measured snapshots. Medium, as the
/// catalogue rates it.</summary>
public sealed class InputLatencyCheck : ICheck
{
    public const int MinSamples = 200;
    public const int MinSnapshotsOver = 3;

    public string Name => "input-latency";
    public string[] Indicators => ["NET-16"];

    public CheckResult Run(VettingContext context)
    {
        if (context.PostHire is not { } activity) return CheckResult.NotEvaluated(NotHired);
        var measured = activity.Endpoints.Where(e => e.InputLatency is not null).ToArray();
        if (measured.Length == 0)
            return CheckResult.NotEvaluated("No endpoint snapshot carries input latency (the agent's optional inputLatencyMs).");
        if (context.Dossier.ClaimedResidence?.Country is not { Length: > 0 } country)
            return CheckResult.NotEvaluated("No claimed country of residence to take the expected latency from.");
        var enough = measured.Where(e => e.InputLatency!.Samples >= MinSamples).ToArray();
        if (enough.Length < MinSnapshotsOver)
            return CheckResult.NotEvaluated($"Input latency measured on fewer than {MinSnapshotsOver} snapshots of at least {MinSamples} inputs " +
                $"({enough.Length} of {measured.Length}).");

        var expected = context.PostHireSettings.ExpectedInputLatencyP95(country);
        var over = enough.Where(e => e.InputLatency!.P95 > expected).ToArray();
        var days = over.Select(e => DateOnly.FromDateTime(e.TakenAt.UtcDateTime)).Distinct().Count();
        if (days < MinSnapshotsOver || over.Length * 3 < enough.Length * 2) return CheckResult.NotFired;

        var median = over.Select(e => e.InputLatency!.P95).Order().ElementAt(over.Length / 2);
        return CheckResult.Fired(new RawSignal("NET-16", Severity.Medium,
            $"Input reached the worker's laptop late on {over.Length} of {enough.Length} measured snapshots (p95 around " +
            $"{median.ToString("0", CultureInfo.InvariantCulture)} ms, where {expected} ms is expected of someone typing on it in {country}): " +
            "the keyboard may be far away and the laptop driven remotely (catalogue NET-16: S51).",
            new JsonObject
            {
                ["claimedCountry"] = country, ["expectedP95Ms"] = expected, ["snapshotsMeasured"] = enough.Length, ["snapshotsOver"] = over.Length,
                ["snapshots"] = Limited(over, e => new JsonObject
                {
                    ["deviceId"] = e.DeviceId, ["takenAt"] = Time(e.TakenAt), ["p50Ms"] = e.InputLatency!.P50, ["p95Ms"] = e.InputLatency.P95,
                    ["samples"] = e.InputLatency.Samples, ["snapshotEventId"] = e.EventId,
                }),
            }));
    }
}
