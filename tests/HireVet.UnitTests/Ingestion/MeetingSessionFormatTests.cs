using HireVet.Application.Ingestion.Formats;

namespace HireVet.UnitTests.Ingestion;

public sealed class MeetingSessionFormatTests
{
    [Fact]
    public void HireVet_s_own_fields_are_read_and_the_participant_lower_cased()
    {
        var parsed = MeetingSessionFormat.Parse(PublishedSamples.Parse("""
            {"user":"Ana.Costa@Corp.Example","start":"2026-11-20T08:00:00Z","end":"2026-11-20T18:30:00Z","screenShared":true,"meetingId":"m-1","platform":"teams"}
            """));
        var (principal, s) = parsed.Event!;
        Assert.Equal("ana.costa@corp.example", principal);
        Assert.Equal(("m-1", TimeSpan.FromHours(10.5), true, "teams"), (s.SessionKey, s.Duration, s.ScreenShared, s.Platform));
    }

    [Fact]
    public void Zoom_participant_report_spellings_and_CSV_words_are_read_and_missing_optional_fields_are_unknown()
    {
        // A Zoom participant report row: user_email, join_time, leave_time, share_desktop as a CSV export writes it.
        var zoom = MeetingSessionFormat.Parse(PublishedSamples.Parse("""
            {"user_email":"ben.osei@corp.example","join_time":"2026-11-20T08:00:00Z","leave_time":"2026-11-20T09:00:00Z","share_desktop":"Yes","uuid":"4444AAA"}
            """)).Event!;
        Assert.Equal((true, "4444AAA"), (zoom.Session.ScreenShared, zoom.Session.SessionKey));

        var teams = MeetingSessionFormat.Parse(PublishedSamples.Parse("""
            {"userPrincipalName":"ben.osei@corp.example","startDateTime":"2026-11-20T08:00:00Z","endDateTime":"2026-11-20T08:45:00Z"}
            """)).Event!;
        Assert.Equal(((bool?)null, "", TimeSpan.FromMinutes(45)), (teams.Session.ScreenShared, teams.Session.SessionKey, teams.Session.Duration));
    }

    [Fact]
    public void Zoom_s_web_export_headers_with_spaces_are_read()
    {
        var row = MeetingSessionFormat.Parse(PublishedSamples.Parse("""
            {"User Email":"ana.costa@corp.example","Join Time":"2026-11-20T08:00:00Z","Leave Time":"2026-11-20T17:00:01Z"}
            """)).Event!;
        Assert.Equal(("ana.costa@corp.example", TimeSpan.FromHours(9).Add(TimeSpan.FromSeconds(1))), (row.Principal, row.Session.Duration));
    }

    [Fact]
    public void A_session_ending_before_it_starts_a_bad_flag_and_a_missing_user_are_rejected_by_field()
    {
        var parsed = MeetingSessionFormat.Parse(PublishedSamples.Parse("""
            {"join_time":"2026-11-20T09:00:00Z","leave_time":"2026-11-20T08:00:00Z","screenShared":"sometimes"}
            """));
        Assert.Null(parsed.Event);
        Assert.Equal(["leave_time", "screenShared", "user"], parsed.Errors!.Keys.Order());
        Assert.Equal("Is before join_time.", parsed.Errors["leave_time"][0]);

        var noEnd = MeetingSessionFormat.Parse(PublishedSamples.Parse("""{"user":"a@corp.example","start":"2026-11-20T09:00:00Z"}"""));
        Assert.Equal(["end"], noEnd.Errors!.Keys);
    }
}
