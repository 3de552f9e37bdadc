using HireVet.Application.Rescreening;
using HireVet.Web.Security;
using MediatR;

namespace HireVet.Web.Endpoints;

/// <summary>Re-screening runs: listed, and started by an admin (/api/admin/rescreen-runs).</summary>
public static class RescreeningEndpoints
{
    public sealed record StartRun(string? Kind, int? BatchSize);

    public static void MapRescreening(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin").WithTags("Monitoring");
        group.MapGet("/rescreen-runs", (IMediator mediator, CancellationToken ct) => mediator.Send(new ListRescreenRuns.Query(), ct))
            .RequireAuthorization(Policies.AdminsAndAuditors)
            .WithSummary("Re-screening runs with their progress and failures, newest first.");
        group.MapPost("/rescreen-runs", async (StartRun body, IMediator mediator, CancellationToken ct) =>
                Results.Ok(await mediator.Send(new StartRescreen.Command(body.Kind ?? "incremental", "manual", body.BatchSize ?? StartRescreen.DefaultBatchSize), ct)))
            .RequireAuthorization(Policies.Admin)
            .WithSummary("Start a re-screening run now: {\"kind\": \"incremental\"} or {\"kind\": \"full\"}, optionally with a batchSize (1 to 1000, default 200).");
    }
}
