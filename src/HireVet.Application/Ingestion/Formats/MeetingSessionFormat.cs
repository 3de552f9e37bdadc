using System.Text.Json;
using HireVet.Application.Checks.PostHire;

namespace HireVet.Application.Ingestion.Formats;

/// <summary>Meeting and screen-sharing sessions from a collaboration platform, one participant's session an object
/// (NDJSON, a JSON array, or CSV rows with a header): user, start, end, screenShared, and optionally meetingId and
/// platform. The platforms' own spellings are read too: Zoom's participant reports (user_email, join_time,
/// leave_time, share_desktop, or the web export's "User Email", "Join Time", "Leave Time"), Microsoft Teams call records (userPrincipalName, startDateTime, endDateTime) and
/// snake_case or camelCase exports. A session without screenShared is kept with it unknown; one ending before it
/// starts is rejected.</summary>
public static class MeetingSessionFormat
{
    public static readonly string[] Columns = ["user", "start", "end", "screenShared", "meetingId", "platform"];

    private static readonly string[] User = ["user", "userEmail", "user_email", "participantEmail", "participant_email", "email", "userPrincipalName", "upn", "User Email"];
    private static readonly string[] Start = ["start", "startTime", "start_time", "startedAt", "started_at", "startDateTime", "joinTime", "join_time", "joinDateTime", "Join Time"];
    private static readonly string[] End = ["end", "endTime", "end_time", "endedAt", "ended_at", "endDateTime", "leaveTime", "leave_time", "leaveDateTime", "Leave Time"];
    private static readonly string[] Shared =
        ["screenShared", "screen_shared", "screenShare", "screen_share", "sharedScreen", "shared_screen", "share_desktop", "shareDesktop", "share_application"];
    private static readonly string[] Key = ["meetingId", "meeting_id", "sessionId", "session_id", "callId", "call_id", "uuid", "id", "eventId"];
    private static readonly string[] Platform = ["platform", "source", "app"];

    public static Parsed<IncomingMeetingSession> Parse(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object)
            return Parsed<IncomingMeetingSession>.Invalid(new Dictionary<string, string[]> { ["event"] = ["Must be a JSON object."] });
        var f = new EventFields(e);
        var principal = f.Principal(f.Spelling(User));
        var startField = f.Spelling(Start);
        var endField = f.Spelling(End);
        var start = f.Time(startField, required: true);
        var end = f.Time(endField, required: true);
        if (start is not null && end is not null && end < start) f.Error(endField, $"Is before {startField}.");
        var shared = Flag(f, f.Spelling(Shared));
        var key = f.Text(f.Spelling(Key), maxLength: 200) ?? "";
        var platform = f.Text(f.Spelling(Platform), maxLength: 100);
        if (f.HasErrors) return Parsed<IncomingMeetingSession>.Invalid(f.Errors);
        return Parsed<IncomingMeetingSession>.Ok(new IncomingMeetingSession(principal!, new MeetingSession
        {
            SessionKey = key, StartedAt = start!.Value, EndedAt = end!.Value, ScreenShared = shared, Platform = platform,
        }));
    }

    /// <summary>true/false as JSON, 1/0, or the words a CSV export writes (true, yes, y, 1; false, no, n, 0); null when absent.</summary>
    private static bool? Flag(EventFields f, string path)
    {
        if (f.Find(path) is not { } value) return null;
        switch (value.ValueKind)
        {
            case JsonValueKind.True: return true;
            case JsonValueKind.False: return false;
        }
        var text = f.Text(path)?.ToLowerInvariant();
        switch (text)
        {
            case null or "": return null;
            case "true" or "yes" or "y" or "1": return true;
            case "false" or "no" or "n" or "0": return false;
        }
        f.Error(path, "Must be true or false.");
        return null;
    }
}
