using System.Text.Json.Nodes;
using static HireVet.Application.Checks.PostHire.PostHireData;

namespace HireVet.Application.Checks.PostHire;

/// <summary>NET-17: a meeting or screen-sharing session of the worker lasting more than <see cref="Threshold"/>: a
/// remote operator watching or driving the worker's screen for a whole working day (Sophos CTU's playbook, S50). Read
/// from the meetings upload; a session exactly eight hours long, or a long day of short meetings, is not one. Medium, as
/// the catalogue rates it.</summary>
public sealed class LongMeetingSessionsCheck : ICheck
{
    public static readonly TimeSpan Threshold = TimeSpan.FromHours(8);

    public string Name => "long-meeting-sessions";
    public string[] Indicators => ["NET-17"];

    public CheckResult Run(VettingContext context)
    {
        if (context.PostHire is not { } activity) return CheckResult.NotEvaluated(NotHired);
        if (activity.Meetings.Count == 0) return CheckResult.NotEvaluated("No meeting or screen-sharing sessions since the hire.");

        var longOnes = activity.Meetings.Where(m => m.Duration > Threshold).OrderByDescending(m => m.Duration).ToArray();
        if (longOnes.Length == 0) return CheckResult.NotFired;

        var longest = longOnes[0];
        var shared = longOnes.Count(m => m.ScreenShared == true);
        return CheckResult.Fired(new RawSignal("NET-17", Severity.Medium,
            $"{Wording.Plural(longOnes.Length, "meeting or screen-sharing session", "meeting or screen-sharing sessions")} of the worker lasted more " +
            $"than {Threshold.TotalHours:0} hours (the longest {Hours(longest.Duration)} from {Utc(longest.StartedAt)}" +
            (shared > 0 ? $"; the screen was shared in {shared}" : "") + "): someone elsewhere may be watching or driving the worker's screen " +
            "(catalogue NET-17: S50).",
            new JsonObject
            {
                ["sessions"] = Limited(longOnes, m => new JsonObject
                {
                    ["sessionKey"] = m.SessionKey.Length == 0 ? null : m.SessionKey, ["platform"] = m.Platform,
                    ["startedAt"] = Time(m.StartedAt), ["endedAt"] = Time(m.EndedAt), ["hours"] = Math.Round(m.Duration.TotalHours, 1),
                    ["screenShared"] = m.ScreenShared,
                }),
            }));
    }

    private static string Hours(TimeSpan d) => $"{(int)d.TotalHours} h {d.Minutes:00} min";
}
