using HireVet.Application.Dashboard;
using HireVet.Web.Security;
using MediatR;

namespace HireVet.Web.Endpoints;

public static class DashboardEndpoints
{
    public static void MapDashboard(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/dashboard", (IMediator mediator, CancellationToken ct) => mediator.Send(new GetDashboard.Query(), ct))
            .WithTags("Dashboard")
            .RequireAuthorization(Policies.AnyRole)
            .WithSummary("The caller's dashboard, by role: HR candidates and workers by status and band; security also the backlog, four-eyes inbox, score histogram and signals by indicator per week; auditors decisions per week and the chain's length; admins reference-data freshness and scheduler health; admins and auditors each connector's health (never a secret). Sections a role does not get are absent.");
}
