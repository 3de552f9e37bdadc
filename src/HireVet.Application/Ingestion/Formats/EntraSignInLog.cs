using System.Text.Json;
using HireVet.Application.Checks.PostHire;

namespace HireVet.Application.Ingestion.Formats;

/// <summary>Microsoft Entra ID sign-ins in the two shapes Microsoft delivers them:
/// <list type="bullet">
/// <item>a Microsoft Graph signIn (v1.0 or beta: id, createdDateTime, userPrincipalName, ipAddress, location,
/// deviceDetail, status, userAgent);</item>
/// <item>an Azure Monitor diagnostic-setting record (what Event Hubs, storage accounts and SIEMs receive): `time` (when
/// Azure wrote it, not the sign-in's time), `category`, and the signIn in `properties`. Users' sign-ins
/// (categories SignInLogs and NonInteractiveUserSignInLogs) are read; service principals', managed identities' and
/// other categories are skipped.</item>
/// </list>
/// Graph signIns that say they are a service principal's or a managed identity's are skipped too. status.errorCode 0 is a
/// successful sign-in. Errors name the field by its path in the shape ("properties.userPrincipalName" in a record).</summary>
public static class EntraSignInLog
{
    private static readonly string[] UserCategories = ["SignInLogs", "NonInteractiveUserSignInLogs"];
    private static readonly string[] UserEventTypes = ["interactiveUser", "nonInteractiveUser"];
    private static readonly string[] NonUserKinds = ["servicePrincipal", "managedIdentity"];

    public static Parsed<IncomingSignIn> Parse(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object)
            return Parsed<IncomingSignIn>.Invalid(new Dictionary<string, string[]> { ["event"] = ["Must be a JSON object (a Graph signIn or an Azure Monitor record)."] });
        var f = new EventFields(e);
        if (f.Find("properties") is not { } properties) return SignIn(f, "");
        if (properties.ValueKind != JsonValueKind.Object) f.Error("properties", "Must be an object (the signIn).");
        var category = f.Text("category", required: true, maxLength: 200);
        if (f.HasErrors) return Parsed<IncomingSignIn>.Invalid(f.Errors);
        if (!UserCategories.Contains(category, StringComparer.OrdinalIgnoreCase))
            return Parsed<IncomingSignIn>.Skip($"category '{category}' is not a user's sign-in.");
        return SignIn(f, "properties.");
    }

    /// <summary>The signIn at the path prefix ("" for a Graph signIn, "properties." in an Azure Monitor record).</summary>
    private static Parsed<IncomingSignIn> SignIn(EventFields f, string at)
    {
        if (NotAUser(f, at) is { } why) return Parsed<IncomingSignIn>.Skip(why);
        var id = f.Text(at + "id", required: true, maxLength: 200);
        var occurredAt = f.Time(at + "createdDateTime", required: true);
        var principal = f.Principal(at + "userPrincipalName");
        var ip = f.Ip(at + "ipAddress");
        var errorCode = f.Find(at + "status.errorCode");
        if (errorCode is null) f.Error(at + "status.errorCode", "Required.");
        else if (errorCode.Value.ValueKind != JsonValueKind.Number || !errorCode.Value.TryGetInt64(out _))
            f.Error(at + "status.errorCode", "Must be a whole number.");
        var country = f.Text(at + "location.countryOrRegion", maxLength: 100);
        var city = f.Text(at + "location.city", maxLength: 100);
        var device = f.Text(at + "deviceDetail.deviceId", maxLength: 200);
        // beta signIns carry the browser's own user agent; v1.0 and the records only deviceDetail's summary of it.
        var userAgent = f.Text(at + "userAgent") ?? f.Text(at + "deviceDetail.browser", maxLength: 500);
        var session = f.Text(at + "sessionId", maxLength: 200) ?? f.Text(at + "correlationId", maxLength: 200);
        if (f.HasErrors) return Parsed<IncomingSignIn>.Invalid(f.Errors);
        return Parsed<IncomingSignIn>.Ok(new IncomingSignIn(principal!, new SignInEvent
        {
            EventId = id!, Source = "entra", OccurredAt = occurredAt!.Value, Ip = ip, ReportedCountry = country, ReportedCity = city,
            UserAgent = userAgent, DeviceId = device, Succeeded = errorCode!.Value.GetInt64() == 0, SessionId = session,
        }));
    }

    /// <summary>Why the signIn is not a user's, when it says so: beta's signInEventTypes lists only a service
    /// principal's or a managed identity's sign-in, or userType names one.</summary>
    private static string? NotAUser(EventFields f, string at)
    {
        if (f.Find(at + "signInEventTypes") is { ValueKind: JsonValueKind.Array } types)
        {
            var kinds = types.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!).ToArray();
            if (!kinds.Any(k => UserEventTypes.Contains(k, StringComparer.OrdinalIgnoreCase)) && kinds.Any(k => NonUserKinds.Contains(k, StringComparer.OrdinalIgnoreCase)))
                return $"signInEventTypes [{string.Join(", ", kinds)}] is not a user's sign-in.";
        }
        if (f.Find(at + "userType") is { ValueKind: JsonValueKind.String } userType && NonUserKinds.Contains(userType.GetString(), StringComparer.OrdinalIgnoreCase))
            return $"userType '{userType.GetString()}' is not a user's sign-in.";
        return null;
    }
}
