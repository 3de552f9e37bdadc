using HireVet.Application.Webhooks;
using HireVet.Web.Security;
using MediatR;

namespace HireVet.Web.Endpoints;

/// <summary>Webhook subscriptions and their delivery log (/api/admin/webhooks).</summary>
public static class WebhookEndpoints
{
    public static void MapWebhooks(this IEndpointRouteBuilder app)
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
    }
}
