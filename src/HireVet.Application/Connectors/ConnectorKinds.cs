namespace HireVet.Application.Connectors;

/// <summary>What each kind of connector needs: the settings an admin gives (URLs, ids), the secrets they paste from the
/// vendor's console, and the secrets HireVet generates for the vendor's side (shown once). Names are the JSON keys of
/// <c>settings</c> and <c>secrets</c> in the API.</summary>
public static class ConnectorKinds
{
    public const string Greenhouse = "greenhouse";
    public const string Lever = "lever";
    public const string Okta = "okta";
    public const string Entra = "entra";

    public sealed record Field(string Name, bool Required, string Description);

    public sealed record Kind(string Name, string Title, string Carries, IReadOnlyList<Field> Settings, IReadOnlyList<Field> Secrets,
        IReadOnlyList<Field> GeneratedSecrets)
    {
        public bool IsAts => Name is Greenhouse or Lever;
        public bool IsIdentityProvider => Name is Okta or Entra;
    }

    public const string NotesSetting = "notes";

    public static readonly IReadOnlyList<Kind> All =
    [
        new(Greenhouse, "Greenhouse", "candidates (webhooks, then the Harvest API)",
            [
                new("baseUrl", false, "Harvest API base URL; default https://harvest.greenhouse.io."),
                new(NotesSetting, false, "\"on\" to write a note with the band and outcome into the candidate's activity feed (default off)."),
                new("onBehalfOf", false, "Greenhouse user id the notes are written as (On-Behalf-Of); required when notes are on."),
            ],
            [new("apiKey", true, "Harvest API key (candidates and applications: read; notes: write when notes are on).")],
            [new("webhookSecret", true, "Secret key to paste into each Greenhouse web hook (signs its deliveries).")]),
        new(Lever, "Lever", "candidates (webhooks, then the Lever API)",
            [
                new("baseUrl", false, "Lever API base URL; default https://api.lever.co."),
                new(NotesSetting, false, "\"on\" to add a note with the band and outcome to the opportunity (default off)."),
                new("performAs", false, "Lever user id the notes are written as (perform_as); required when notes are on."),
            ],
            [
                new("apiKey", true, "Lever API key (opportunities and resumes: read; notes: write when notes are on)."),
                new("signatureToken", true, "The webhooks' signature token from Lever's integration settings."),
            ],
            []),
        new(Okta, "Okta", "sign-ins (System Log API pulled every minute, Event Hooks pushed)",
            [new("orgUrl", true, "Your Okta org, e.g. https://example.okta.com.")],
            [new("apiToken", false, "API token with read access to the System Log; without one, only Event Hooks are received.")],
            [new("eventHookSecret", true, "Authorization header value to configure on the Okta Event Hook.")]),
        new(Entra, "Microsoft Entra ID", "sign-ins (Microsoft Graph auditLogs/signIns pulled every minute)",
            [
                new("tenantId", true, "Directory (tenant) id."),
                new("clientId", true, "Application (client) id of an app registration granted AuditLog.Read.All."),
                new("authorityUrl", false, "Token endpoint base; default https://login.microsoftonline.com."),
                new("graphUrl", false, "Microsoft Graph base; default https://graph.microsoft.com."),
            ],
            [new("clientSecret", true, "The app registration's client secret.")],
            []),
    ];

    public static Kind? Find(string? name) => All.FirstOrDefault(k => k.Name == name);
}
