using System.Text.Json;
using HireVet.Application.Checks.PostHire;
using HireVet.Application.Common.Formats;

namespace HireVet.Application.Ingestion.Formats;

/// <summary>Okta System Log events as the logs API exports them (LogEvent: uuid, published, eventType, actor,
/// client, securityContext, outcome, authenticationContext, debugContext). Sign-in events are kept (sessions started,
/// authentications); other event types are skipped, not errors.</summary>
public static class OktaSystemLog
{
    private static readonly string[] SignInTypes = ["user.session.start", "user.authentication."];

    public static Parsed<IncomingSignIn> Parse(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object)
            return Parsed<IncomingSignIn>.Invalid(new Dictionary<string, string[]> { ["event"] = ["Must be a JSON object (an Okta LogEvent)."] });
        var f = new EventFields(e);
        var eventType = f.Text("eventType", required: true);
        if (eventType is not null && !SignInTypes.Any(t => eventType.StartsWith(t, StringComparison.Ordinal)))
            return Parsed<IncomingSignIn>.Skip($"eventType '{eventType}' is not a sign-in.");
        var uuid = f.Text("uuid", required: true, maxLength: 200);
        var published = f.Time("published", required: true);
        var principal = f.Principal("actor.alternateId");
        // Okta writes the string "null" in client.ipAddress when it has no client address of its own (an event relayed
        // by a proxy, say); request.ipChain (client.ipChain in Event Hook deliveries) still lists the address the request
        // came from.
        var ip = f.Text("client.ipAddress", maxLength: 64) is null or "null" ? FirstInIpChain(f) : f.Ip("client.ipAddress");
        var result = f.Text("outcome.result", required: true);
        var userAgent = f.Text("client.userAgent.rawUserAgent");
        var country = f.Text("client.geographicalContext.country", maxLength: 100);
        var city = f.Text("client.geographicalContext.city", maxLength: 100);
        var device = f.Text("client.device", maxLength: 200);
        var session = f.Text("authenticationContext.externalSessionId", maxLength: 200);
        if (f.HasErrors) return Parsed<IncomingSignIn>.Invalid(f.Errors);
        return Parsed<IncomingSignIn>.Ok(new IncomingSignIn(principal!, new SignInEvent
        {
            EventId = uuid!, Source = "okta", OccurredAt = published!.Value, Ip = ip, ReportedCountry = country, ReportedCity = city,
            UserAgent = userAgent, DeviceId = device, Succeeded = result == "SUCCESS" || result == "ALLOW", SessionId = session,
        }));
    }

    private static string? FirstInIpChain(EventFields f) => FirstIn(f.Find("request.ipChain")) ?? FirstIn(f.Find("client.ipChain"));

    private static string? FirstIn(JsonElement? ipChain) =>
        ipChain is { ValueKind: JsonValueKind.Array } chain && chain.GetArrayLength() > 0
        && chain[0].ValueKind == JsonValueKind.Object && chain[0].TryGetProperty("ip", out var ip) && ip.ValueKind == JsonValueKind.String
        && IpAddresses.TryParseStrict(ip.GetString(), out var address)
            ? address!.ToString()
            : null;
}
