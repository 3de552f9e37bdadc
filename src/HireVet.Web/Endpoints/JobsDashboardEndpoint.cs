using Hangfire;
using HireVet.Web.Security;

namespace HireVet.Web.Endpoints;

/// <summary>Hangfire's own dashboard at /admin/hangfire, for admins and auditors. Read-only for everyone, which Hangfire
/// enforces on its command POSTs too: retrying, deleting or triggering a job goes through HireVet's audited commands
/// on the jobs page instead. The storage connection string is never shown.</summary>
public static class JobsDashboardEndpoint
{
    public const string Path = "/admin/hangfire";

    public static void MapJobsDashboard(this WebApplication app) =>
        app.MapHangfireDashboardWithAuthorizationPolicy(Policies.AdminsAndAuditors, Path, new DashboardOptions
        {
            IsReadOnlyFunc = _ => true,
            DisplayStorageConnectionString = false,
            AppPath = "/admin/jobs",
            DashboardTitle = "HireVet jobs",
        }, app.Services.GetRequiredService<JobStorage>());
}
