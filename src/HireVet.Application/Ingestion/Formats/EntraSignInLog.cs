using System.Text.Json;
using HireVet.Application.Checks.PostHire;

namespace HireVet.Application.Ingestion.Formats;

/// <summary>Microsoft Entra ID sign-ins as Microsoft Graph returns them (signIn: id, createdDateTime,
/// userPrincipalName, ipAddress, location, deviceDetail, status). status.errorCode 0 is a successful sign-in.</summary>
public static class EntraSignInLog
{
    public static Parsed<IncomingSignIn> Parse(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object)
            return Parsed<IncomingSignIn>.Invalid(new Dictionary<string, string[]> { ["event"] = ["Must be a JSON object (a Graph signIn)."] });
        var f = new EventFields(e);
        var id = f.Text("id", required: true, maxLength: 200);
        var at = f.Time("createdDateTime", required: true);
        var principal = f.Principal("userPrincipalName");
        var ip = f.Ip("ipAddress");
        var errorCode = f.Find("status.errorCode");
        if (errorCode is null) f.Error("status.errorCode", "Required.");
        else if (errorCode.Value.ValueKind != JsonValueKind.Number) f.Error("status.errorCode", "Must be a number.");
        var country = f.Text("location.countryOrRegion", maxLength: 100);
        var city = f.Text("location.city", maxLength: 100);
        var device = f.Text("deviceDetail.deviceId", maxLength: 200);
        var browser = f.Text("deviceDetail.browser", maxLength: 500);
        var session = f.Text("sessionId", maxLength: 200) ?? f.Text("correlationId", maxLength: 200);
        if (f.HasErrors) return Parsed<IncomingSignIn>.Invalid(f.Errors);
        return Parsed<IncomingSignIn>.Ok(new IncomingSignIn(principal!, new SignInEvent
        {
            EventId = id!, Source = "entra", OccurredAt = at!.Value, Ip = ip, ReportedCountry = country, ReportedCity = city,
            UserAgent = browser, DeviceId = device, Succeeded = errorCode!.Value.GetInt64() == 0, SessionId = session,
        }));
    }
}
