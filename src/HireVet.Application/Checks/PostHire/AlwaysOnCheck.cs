using System.Text.Json.Nodes;
using static HireVet.Application.Checks.PostHire.PostHireData;

namespace HireVet.Application.Checks.PostHire;

/// <summary>NET-03: the worker looks online around the clock. A session (sign-ins sharing the provider's session id,
/// or one the provider says ended) that ran 24 hours or more; successful sign-ins with no pause of 4 hours for 24 hours
/// or more; or activity-simulation tools (mouse-jiggler or keep-awake software, or a USB mouse jiggler) on an
/// endpoint, which keep a worker "present" at several employers at once. All medium: some identity providers keep
/// sessions open for days unless configured otherwise, and people leave laptops awake.</summary>
public sealed class AlwaysOnCheck : ICheck
{
    public static readonly TimeSpan LongSession = TimeSpan.FromHours(24);

    /// <summary>A pause this long is a night's sleep (or a break); activity without one for a day is round the clock.</summary>
    public static readonly TimeSpan Pause = TimeSpan.FromHours(4);

    /// <summary>Activity-simulation tools by product name (software and USB device names alike): Mouse Jiggler
    /// (arkane-systems), Move Mouse, Caffeine (keeps the machine awake by simulating a key press), "mouse mover" and
    /// "jiggler" hardware dongles, which present themselves as a mouse under those names.</summary>
    public static readonly IReadOnlyList<(string Product, string Display)> SimulationTools =
    [
        ("jiggler", "mouse jiggler"), ("mousejiggle", "Mouse Jiggle"), ("movemouse", "Move Mouse"), ("mousemover", "mouse mover"),
        ("caffeine", "Caffeine"),
    ];

    public string Name => "always-on";
    public string[] Indicators => ["NET-03"];

    public CheckResult Run(VettingContext context)
    {
        if (context.PostHire is not { } activity) return CheckResult.NotEvaluated(NotHired);
        if (activity.SignIns.Count == 0 && activity.Endpoints.Count == 0)
            return CheckResult.NotEvaluated("No sign-ins or endpoint snapshots since the hire.");

        var signals = new List<RawSignal>();
        var signIns = activity.SignIns.Where(s => s.Succeeded).OrderBy(s => s.OccurredAt).ToArray();

        var sessions = signIns
            .Where(s => !string.IsNullOrEmpty(s.SessionId) || s.SessionEndedAt is not null)
            .GroupBy(s => string.IsNullOrEmpty(s.SessionId) ? $"event:{s.EventId}" : s.SessionId!)
            .Select(g => (Id: g.Key, Start: g.Min(s => s.OccurredAt),
                          End: g.Max(s => s.SessionEndedAt is { } ended && ended > s.OccurredAt ? ended : s.OccurredAt), SignIns: g.Count()))
            .Where(s => s.End - s.Start >= LongSession)
            .OrderByDescending(s => s.End - s.Start)
            .ToArray();

        var runs = new List<(DateTimeOffset Start, DateTimeOffset End, int SignIns)>();
        for (var i = 0; i < signIns.Length;)
        {
            var j = i;
            while (j + 1 < signIns.Length && signIns[j + 1].OccurredAt - signIns[j].OccurredAt < Pause) j++;
            if (signIns[j].OccurredAt - signIns[i].OccurredAt >= LongSession) runs.Add((signIns[i].OccurredAt, signIns[j].OccurredAt, j - i + 1));
            i = j + 1;
        }

        if (sessions.Length > 0 || runs.Count > 0)
        {
            var explanation = sessions.Length > 0
                ? $"A sign-in session stayed open for {(sessions[0].End - sessions[0].Start).TotalHours:0} hours ({Utc(sessions[0].Start)} to {Utc(sessions[0].End)}); " +
                  "an account worked around the clock is how one identity is shared in shifts, unless the identity provider keeps sessions open that long."
                : $"The worker signed in {runs[0].SignIns} times over {(runs[0].End - runs[0].Start).TotalHours:0} hours without a 4-hour pause " +
                  $"({Utc(runs[0].Start)} to {Utc(runs[0].End)}): activity around the clock.";
            signals.Add(new RawSignal("NET-03", Severity.Medium, explanation, new JsonObject
            {
                ["longSessions"] = Limited(sessions, s => new JsonObject
                {
                    ["sessionId"] = s.Id, ["startedAt"] = Time(s.Start), ["endedAt"] = Time(s.End), ["hours"] = Math.Round((s.End - s.Start).TotalHours, 1), ["signIns"] = s.SignIns,
                }),
                ["activityWithoutPause"] = Limited(runs, r => new JsonObject
                {
                    ["from"] = Time(r.Start), ["to"] = Time(r.End), ["hours"] = Math.Round((r.End - r.Start).TotalHours, 1), ["signIns"] = r.SignIns,
                }),
                ["pauseHours"] = Pause.TotalHours,
            }));
        }

        var tools = activity.Endpoints
            .SelectMany(e => e.InstalledSoftware.Select(name => (Snapshot: e, Kind: "software", Name: name, Usb: (UsbDevice?)null))
                .Concat(e.UsbDevices.Select(u => (Snapshot: e, Kind: "usb device", u.Name, Usb: (UsbDevice?)u))))
            .Select(x => (x.Snapshot, x.Kind, x.Name, x.Usb, Tool: ProductNames.Find(x.Name, SimulationTools)))
            .Where(x => x.Tool is not null)
            .GroupBy(x => (x.Snapshot.DeviceId, x.Kind, x.Name))
            .Select(g => g.OrderBy(x => x.Snapshot.TakenAt).First())
            .ToArray();
        if (tools.Length > 0)
            signals.Add(new RawSignal("NET-03", Severity.Medium,
                $"Activity-simulation {(tools.Any(t => t.Kind == "usb device") ? "hardware or software" : "software")} is on the worker's endpoint " +
                $"({string.Join(", ", tools.Select(t => $"{t.Name} on {t.Snapshot.DeviceId}").Distinct())}): it keeps a computer looking busy while nobody works at it.",
                new JsonObject
                {
                    ["tools"] = Limited(tools, t => new JsonObject
                    {
                        ["deviceId"] = t.Snapshot.DeviceId, ["kind"] = t.Kind, ["name"] = t.Name, ["product"] = t.Tool!.Value.Display,
                        ["vendorId"] = t.Usb?.VendorId, ["productId"] = t.Usb?.ProductId,
                        ["firstSeenAt"] = Time(t.Snapshot.TakenAt), ["snapshotEventId"] = t.Snapshot.EventId,
                    }),
                }));

        return signals.Count == 0 ? CheckResult.NotFired : CheckResult.Fired([.. signals]);
    }
}
