using HireVet.Application.Jobs;
using HireVet.Application.Rescreening;
using HireVet.Application.Webhooks;
using HireVet.Web.Security;
using MediatR;

namespace HireVet.Web.Endpoints;

public static class MonitoringEndpoints
{
    public sealed record StartRun(string? Kind, int? BatchSize);

    public static void MapMonitoring(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin").WithTags("Monitoring");
        group.MapPost("/webhooks", async (CreateWebhook.Command command, IMediator mediator, CancellationToken ct) =>
            {
                var created = await mediator.Send(command, ct);
                return Results.Created($"/api/admin/webhooks/{created.Id}", created);
            })
            .RequireAuthorization(Policies.Admin)
            .WithSummary("Subscribe a URL to events (worker.band_raised); the signing secret is in the answer, once.");
        group.MapGet("/webhooks", (IMediator mediator, CancellationToken ct, int? deliveries, int? offset) =>
                mediator.Send(new ListWebhooks.Query(deliveries ?? 50, offset ?? 0), ct))
            .RequireAuthorization(Policies.AdminsAndAuditors)
            .WithSummary("Webhook subscriptions with their last delivery and failures, and the delivery log (newest first, paged).");
        group.MapPost("/webhooks/{id:long}/deactivate", async (long id, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new DeactivateWebhook.Command(id), ct);
                return Results.NoContent();
            })
            .RequireAuthorization(Policies.Admin)
            .WithSummary("Deactivate a webhook subscription; its pending deliveries are cancelled.");
        group.MapGet("/rescreen-runs", (IMediator mediator, CancellationToken ct) => mediator.Send(new ListRescreenRuns.Query(), ct))
            .RequireAuthorization(Policies.AdminsAndAuditors)
            .WithSummary("Re-screening runs with their progress and failures, newest first.");
        group.MapPost("/rescreen-runs", async (StartRun body, IMediator mediator, CancellationToken ct) =>
                Results.Ok(await mediator.Send(new StartRescreen.Command(body.Kind ?? "incremental", "manual", body.BatchSize ?? StartRescreen.DefaultBatchSize), ct)))
            .RequireAuthorization(Policies.Admin)
            .WithSummary("Start a re-screening run now: {\"kind\": \"incremental\"} or {\"kind\": \"full\"}, optionally with a batchSize (1 to 1000, default 200).");
        group.MapGet("/schedules", (IMediator mediator, CancellationToken ct) => mediator.Send(new ListSchedules.Query(), ct))
            .RequireAuthorization(Policies.AdminsAndAuditors)
            .WithSummary("The job engine: recurring jobs (cron, last and next run, last outcome), queue depths and every node's job servers.");
        group.MapPost("/schedules/{id}/run", async (string id, IMediator mediator, CancellationToken ct) =>
                Results.Accepted(value: await mediator.Send(new TriggerSchedule.Command(id), ct)))
            .RequireAuthorization(Policies.Admin)
            .WithSummary("Run a recurring job now, outside its schedule (audited); answers with the background job's id.");
    }
}
