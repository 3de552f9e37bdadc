namespace HireVet.Application.Common.Security;

public static class Roles
{
    public const string Hr = "hr";
    public const string Security = "security";
    public const string Auditor = "auditor";
    public const string Admin = "admin";
    /// <summary>Identity providers, EDR/MDM and the HRIS sending events: API keys only, never a person.</summary>
    public const string Integration = "integration";
    /// <summary>A vendor delivering to a connector (a Greenhouse or Lever webhook, an Okta Event Hook), proven by the
    /// connector's signature or shared secret: never a person, never an API key.</summary>
    public const string Connector = "connector";

    /// <summary>Scheduled jobs and the start-up seeding act as this role in the audit trail.</summary>
    public const string System = "system";

    public static readonly string[] Human = [Hr, Security, Auditor, Admin];

    public static bool IsHuman(string? role) => role is not null && Human.Contains(role);

    /// <summary>What an API key may be given.</summary>
    public static readonly string[] ForApiKeys = [.. Human, Integration];
}
