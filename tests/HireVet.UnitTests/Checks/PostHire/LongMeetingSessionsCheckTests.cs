using HireVet.Application.Checks;
using HireVet.Application.Checks.PostHire;
using static HireVet.UnitTests.Checks.PostHire.PostHireTestData;

namespace HireVet.UnitTests.Checks.PostHire;

/// <summary>NET-17: meeting or screen-sharing sessions longer than eight hours.</summary>
public sealed class LongMeetingSessionsCheckTests
{
    private static MeetingSession Session(DateTimeOffset start, TimeSpan length, bool? shared = null, string key = "") =>
        new() { SessionKey = key, StartedAt = start, EndedAt = start + length, ScreenShared = shared, Platform = "zoom" };

    private static CheckResult Run(params MeetingSession[] sessions) => new LongMeetingSessionsCheck().Run(Hired(Activity() with { Meetings = sessions }));

    [Fact]
    public void A_screen_shared_for_ten_hours_is_NET_17_medium_with_the_session()
    {
        var start = Monday.AddHours(-2);
        var signal = Assert.Single(Run(
            Session(start, TimeSpan.FromMinutes(30), shared: false, key: "standup"),
            Session(start.AddHours(1), TimeSpan.FromHours(10).Add(TimeSpan.FromMinutes(20)), shared: true, key: "85746352918")).Signals);

        Assert.Equal(("NET-17", Severity.Medium), (signal.IndicatorId, signal.Severity));
        Assert.Contains("1 meeting or screen-sharing session", signal.Explanation);
        Assert.Contains("10 h 20 min", signal.Explanation);
        Assert.Contains("the screen was shared in 1", signal.Explanation);
        Assert.Contains("S50", signal.Explanation);
        var session = Assert.Single(signal.Evidence["sessions"]!.AsArray())!;
        Assert.Equal(("85746352918", 10.3, true), (session["sessionKey"]!.GetValue<string>(), session["hours"]!.GetValue<double>(), session["screenShared"]!.GetValue<bool>()));
    }

    [Fact]
    public void A_long_day_of_meetings_an_eight_hour_workshop_and_a_session_of_unknown_sharing_under_eight_hours_are_not_NET_17()
    {
        // Back-to-back calls adding up to nine hours, and a workshop of exactly eight hours.
        Assert.Equal(CheckResult.NotFired, Run(
            Session(Monday, TimeSpan.FromHours(3)), Session(Monday.AddHours(3), TimeSpan.FromHours(3)), Session(Monday.AddHours(6), TimeSpan.FromHours(3)),
            Session(Monday.AddDays(1), TimeSpan.FromHours(8), shared: true), Session(Monday.AddDays(2), TimeSpan.FromHours(7.9))));
    }

    [Fact]
    public void A_long_session_whose_sharing_is_unknown_still_counts_and_no_sessions_is_not_evaluated()
    {
        var signal = Assert.Single(Run(Session(Monday, TimeSpan.FromHours(9))).Signals);
        Assert.DoesNotContain("shared in", signal.Explanation);
        Assert.Null(signal.Evidence["sessions"]![0]!["screenShared"]);
        Assert.Contains("No meeting", new LongMeetingSessionsCheck().Run(Hired(Activity())).NotEvaluatedReason);
    }
}
