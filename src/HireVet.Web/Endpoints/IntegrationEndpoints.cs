using System.Text.Json;
using HireVet.Application.Ingestion;
using HireVet.Application.Ingestion.Formats;
using HireVet.Web.Security;

namespace HireVet.Web.Endpoints;

/// <summary>Uploads from identity providers, EDR/MDM and the HRIS (API keys with the integration role). Each body is
/// read as a stream, never whole (uploads of hundreds of MB): a JSON array, NDJSON (one event a line) or, for generic
/// sign-ins, CSV with a header row (<see cref="UploadBody"/>), and stored by <see cref="UploadIngestion"/>. Okta and
/// Entra uploads may also wrap their events in the envelopes the vendors deliver them in (<see cref="Envelopes"/>), as
/// the whole body or on each line. Events for an address no worker has yet are kept and counted as unmatched.</summary>
public static class IntegrationEndpoints
{
    public const string Prefix = "/api/integrations";
    /// <summary>Kestrel's limit for these endpoints; every other endpoint but the bulk import keeps 1 MiB.</summary>
    public const long MaxBody = 8L * 1024 * 1024 * 1024;

    public static void MapIntegrations(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Prefix).WithTags("Integrations").RequireAuthorization(Policies.Integration);
        group.MapPost("/okta/system-log", (HttpContext http, UploadIngestion ingestion, CancellationToken ct) =>
                SignInsAsync(ingestion, ProviderEvents(http, ct), "okta", OktaSystemLog.Parse, ct))
            .WithSummary("Okta System Log events (the logs API's LogEvent objects) as a JSON array or NDJSON, or Event Hook deliveries "
                + "(data.events[]); sign-in events are kept.");
        group.MapPost("/entra/sign-ins", (HttpContext http, UploadIngestion ingestion, CancellationToken ct) =>
                SignInsAsync(ingestion, ProviderEvents(http, ct), "entra", EntraSignInLog.Parse, ct))
            .WithSummary("Microsoft Entra ID sign-ins: Microsoft Graph signIn objects or pages ({value: [...]}), or Azure Monitor "
                + "diagnostic records ({records: [...]} or one a line), as one JSON value, a JSON array or NDJSON; users' sign-ins are kept.");
        group.MapPost("/sign-ins", (HttpContext http, UploadIngestion ingestion, CancellationToken ct) =>
                SignInsAsync(ingestion, UploadBody.ReadAsync(http.Request, csv: true, UploadBody.MaxLine, ct), "generic", GenericSignIns.Parse, ct))
            .WithSummary("Sign-ins from any other identity provider, as NDJSON or CSV (text/csv, header row): " + string.Join(", ", GenericSignIns.Columns) + ".");
        group.MapPost("/endpoint-snapshots", (HttpContext http, UploadIngestion ingestion, CancellationToken ct) => RecordsAsync(http, ingestion, RecordKinds.Endpoint, ct))
            .WithSummary("EDR/MDM endpoint inventory snapshots as NDJSON: eventId, user, deviceId, takenAt, publicIp, serialNumber, installedSoftware, usbDevices.");
        group.MapPost("/mfa-registrations", (HttpContext http, UploadIngestion ingestion, CancellationToken ct) => RecordsAsync(http, ingestion, RecordKinds.Mfa, ct))
            .WithSummary("MFA authenticator registrations as NDJSON: eventId, user, deviceId, registeredAt.");
        group.MapPost("/payroll-changes", (HttpContext http, UploadIngestion ingestion, CancellationToken ct) => RecordsAsync(http, ingestion, RecordKinds.Payroll, ct))
            .WithSummary("Payroll destination changes from the HRIS as NDJSON: eventId, user, effectiveDate, payrollDestination.");
        group.MapPost("/equipment", (HttpContext http, UploadIngestion ingestion, CancellationToken ct) => RecordsAsync(http, ingestion, RecordKinds.Equipment, ct))
            .WithSummary("Equipment records as NDJSON: eventId, user, assetSerialShipped, serialSeenAtOnboarding, shipTo, recordedAt.");
        group.MapPost("/meeting-sessions", async (HttpContext http, UploadIngestion ingestion, CancellationToken ct) =>
                Results.Ok(await ingestion.MeetingSessionsAsync(UploadBody.ReadAsync(http.Request, csv: true, UploadBody.MaxLine, ct), ct)))
            .WithSummary("Meeting and screen-sharing sessions, one participant's session each, as NDJSON, a JSON array or CSV (text/csv, header row): "
                + string.Join(", ", MeetingSessionFormat.Columns) + " (Zoom and Teams spellings are read too).");
        group.MapPost("/onboarding-events", async (HttpContext http, UploadIngestion ingestion, CancellationToken ct) =>
                Results.Ok(await ingestion.OnboardingEventsAsync(UploadBody.ReadAsync(http.Request, csv: true, UploadBody.MaxLine, ct), ct)))
            .WithSummary("Onboarding steps (drug test, document check / I-9, equipment receipt) as NDJSON, a JSON array or CSV (text/csv, header row): "
                + string.Join(", ", OnboardingEventFormat.Columns) + ".");
    }

    /// <summary>An identity provider's events, each envelope opened into its events.</summary>
    private static IAsyncEnumerable<UploadItem> ProviderEvents(HttpContext http, CancellationToken ct) =>
        Envelopes.Expand(UploadBody.ReadAsync(http.Request, csv: false, UploadBody.MaxEnvelope, ct), ct);

    private static async Task<IResult> SignInsAsync(UploadIngestion ingestion, IAsyncEnumerable<UploadItem> items, string source,
        Func<JsonElement, Parsed<IncomingSignIn>> parse, CancellationToken ct) =>
        Results.Ok(await ingestion.SignInsAsync(items, source, parse, ct));

    private static async Task<IResult> RecordsAsync(HttpContext http, UploadIngestion ingestion, string kind, CancellationToken ct) =>
        Results.Ok(await ingestion.WorkerRecordsAsync(UploadBody.ReadAsync(http.Request, csv: false, UploadBody.MaxLine, ct), kind, ct));

    /// <summary>Lifts the 1 MiB body limit for these endpoints (Kestrel enforces it while streaming).</summary>
    public static bool IsUpload(HttpContext context) => context.Request.Path.StartsWithSegments(Prefix, StringComparison.OrdinalIgnoreCase);
}
