using HireVet.Application.Common.Security;
using Microsoft.AspNetCore.Authorization;

namespace HireVet.Web.Security;

/// <summary>Every endpoint and page names one of these; a test enumerates them all.</summary>
public static class Policies
{
    public const string Hr = "hr";
    public const string Security = "security";
    public const string Auditor = "auditor";
    public const string Admin = "admin";
    /// <summary>HR, security and auditors: who may read candidates.</summary>
    public const string CandidateReaders = "candidate-readers";
    /// <summary>Security and auditors: who may see evidence (HR sees status and outcomes only).</summary>
    public const string EvidenceReaders = "evidence-readers";
    /// <summary>Admins, and auditors who read what admins configured.</summary>
    public const string AdminsAndAuditors = "admins-and-auditors";
    /// <summary>API keys of identity providers, EDR/MDM and the HRIS.</summary>
    public const string Integration = "integration";
    /// <summary>HR, and API keys of integrations: who may record an identity-verification vendor's result.</summary>
    public const string IdentityVerificationSubmitters = "identity-verification-submitters";
    /// <summary>A vendor's delivery to a connector, verified by the connector's signature or shared secret.</summary>
    public const string ConnectorDelivery = "connector-delivery";
    /// <summary>Any signed-in user or API key.</summary>
    public const string AnyRole = "any-role";

    public static void Configure(AuthorizationOptions options)
    {
        options.AddPolicy(Hr, p => p.RequireRole(Roles.Hr));
        options.AddPolicy(Security, p => p.RequireRole(Roles.Security));
        options.AddPolicy(Auditor, p => p.RequireRole(Roles.Auditor));
        options.AddPolicy(Admin, p => p.RequireRole(Roles.Admin));
        options.AddPolicy(Integration, p => p.RequireRole(Roles.Integration));
        options.AddPolicy(ConnectorDelivery, p => p.AddAuthenticationSchemes(ConnectorDeliveryAuthenticationHandler.SchemeName).RequireRole(Roles.Connector));
        options.AddPolicy(IdentityVerificationSubmitters, p => p.RequireRole(Roles.Hr, Roles.Integration));
        options.AddPolicy(CandidateReaders, p => p.RequireRole(Roles.Hr, Roles.Security, Roles.Auditor));
        options.AddPolicy(EvidenceReaders, p => p.RequireRole(Roles.Security, Roles.Auditor));
        options.AddPolicy(AdminsAndAuditors, p => p.RequireRole(Roles.Admin, Roles.Auditor));
        options.AddPolicy(AnyRole, p => p.RequireRole(Roles.Human));
        // Anything without a policy of its own (an unknown path, say) needs a signed-in role, so typos get a 404
        // rather than revealing anything to anonymous callers; AuthorizationTests proves every endpoint names a policy.
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireRole(Roles.Human).Build();
    }
}
