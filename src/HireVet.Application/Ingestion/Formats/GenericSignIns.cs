using System.Text.Json;
using HireVet.Application.Checks.PostHire;

namespace HireVet.Application.Ingestion.Formats;

/// <summary>HireVet's own sign-in format for every other identity provider, as NDJSON objects or CSV rows with these
/// columns: eventId, occurredAt, user, ip, country, city, userAgent, deviceId, outcome (success or failure), sessionId,
/// sessionEndedAt.</summary>
public static class GenericSignIns
{
    public static readonly string[] Columns =
        ["eventId", "occurredAt", "user", "ip", "country", "city", "userAgent", "deviceId", "outcome", "sessionId", "sessionEndedAt"];

    public static Parsed<IncomingSignIn> Parse(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object)
            return Parsed<IncomingSignIn>.Invalid(new Dictionary<string, string[]> { ["event"] = ["Must be a JSON object."] });
        var f = new EventFields(e);
        var id = f.Text("eventId", required: true, maxLength: 200);
        var at = f.Time("occurredAt", required: true);
        var principal = f.Principal("user");
        var ip = f.Ip("ip");
        var outcome = f.Text("outcome", required: true);
        if (outcome is not null && outcome is not ("success" or "failure")) f.Error("outcome", "Must be 'success' or 'failure'.");
        var country = f.Text("country", maxLength: 100);
        var city = f.Text("city", maxLength: 100);
        var userAgent = f.Text("userAgent");
        var device = f.Text("deviceId", maxLength: 200);
        var session = f.Text("sessionId", maxLength: 200);
        var ended = f.Time("sessionEndedAt");
        if (ended is not null && at is not null && ended < at) f.Error("sessionEndedAt", "Is before occurredAt.");
        if (f.HasErrors) return Parsed<IncomingSignIn>.Invalid(f.Errors);
        return Parsed<IncomingSignIn>.Ok(new IncomingSignIn(principal!, new SignInEvent
        {
            EventId = id!, Source = "generic", OccurredAt = at!.Value, Ip = ip, ReportedCountry = country, ReportedCity = city,
            UserAgent = userAgent, DeviceId = device, Succeeded = outcome == "success", SessionId = session, SessionEndedAt = ended,
        }));
    }
}
