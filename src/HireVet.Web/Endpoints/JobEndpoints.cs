using HireVet.Application.Jobs;
using HireVet.Web.Security;
using MediatR;

namespace HireVet.Web.Endpoints;

/// <summary>The job engine's recurring jobs, queues and nodes, and running a recurring job now (/api/admin/schedules).</summary>
public static class JobEndpoints
{
    public static void MapJobs(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin").WithTags("Monitoring");
        group.MapGet("/schedules", (IMediator mediator, CancellationToken ct) => mediator.Send(new ListSchedules.Query(), ct))
            .RequireAuthorization(Policies.AdminsAndAuditors)
            .WithSummary("The job engine: recurring jobs (cron, last and next run, last outcome), queue depths and every node's job servers.");
        group.MapPost("/schedules/{id}/run", async (string id, IMediator mediator, CancellationToken ct) =>
                Results.Accepted(value: await mediator.Send(new TriggerSchedule.Command(id), ct)))
            .RequireAuthorization(Policies.Admin)
            .WithSummary("Run a recurring job now, outside its schedule (audited); answers with the background job's id.");
    }
}
