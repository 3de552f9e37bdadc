using System.Text.Json;
using HireVet.Application.Connectors;
using HireVet.Application.Ingestion.Formats;
using HireVet.Web.Security;
using MediatR;

namespace HireVet.Web.Endpoints;

/// <summary>Connectors (/api/admin/connectors) and the addresses vendors deliver to (/api/connectors/{id}/…).</summary>
public static class ConnectorEndpoints
{
    public static void MapConnectors(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin/connectors").WithTags("Connectors");
        admin.MapGet("/kinds", () => ConnectorKinds.All)
            .RequireAuthorization(Policies.AdminsAndAuditors)
            .WithSummary("What each kind of connector needs: its settings, the secrets to paste from the vendor, and the secrets HireVet generates.");
        admin.MapPost("", async (AddConnector.Command command, IMediator mediator, CancellationToken ct) =>
            {
                var added = await mediator.Send(command, ct);
                return Results.Created($"/api/admin/connectors/{added.Id}", added);
            })
            .RequireAuthorization(Policies.Admin)
            .WithSummary("Add a connector. Secrets are stored encrypted; the secrets HireVet generates for the vendor's side are in this answer only.");
        admin.MapGet("", (IMediator mediator, CancellationToken ct, bool? includeRemoved) => mediator.Send(new ListConnectors.Query(includeRemoved ?? false), ct))
            .RequireAuthorization(Policies.AdminsAndAuditors)
            .WithSummary("Connectors with their health: status, cursor, last sync and success, counts, last error. Never a secret.");
        admin.MapGet("/{id:long}/log", (long id, IMediator mediator, CancellationToken ct, int? limit, int? offset) =>
                mediator.Send(new GetConnectorLog.Query(id, limit ?? 50, offset ?? 0), ct))
            .RequireAuthorization(Policies.AdminsAndAuditors)
            .WithSummary("A connector's log, newest first: every delivery (received, refused, accepted, duplicate, ignored), pull, note and test, and why.");
        admin.MapPost("/{id:long}/test", (long id, IMediator mediator, CancellationToken ct) => mediator.Send(new TestConnector.Command(id), ct))
            .RequireAuthorization(Policies.Admin)
            .WithSummary("Test connection: one authenticated call to the vendor with the stored settings; says what the vendor answered.");
        admin.MapPost("/{id:long}/pull", async (long id, IConnectorJobs jobs, CancellationToken ct) =>
            {
                await jobs.PullAsync(id, ct);
                return Results.Accepted($"/api/admin/connectors/{id}/log");
            })
            .RequireAuthorization(Policies.Admin)
            .WithSummary("Pull an identity provider's sign-ins now (otherwise every minute).");
        admin.MapPost("/{id:long}/pause", (long id, IMediator mediator, CancellationToken ct) => ChangeAsync(id, ChangeConnectorStatus.Paused, mediator, ct))
            .RequireAuthorization(Policies.Admin)
            .WithSummary("Pause: no pulls; deliveries are answered 503 so the vendor retries later.");
        admin.MapPost("/{id:long}/resume", (long id, IMediator mediator, CancellationToken ct) => ChangeAsync(id, ChangeConnectorStatus.Active, mediator, ct))
            .RequireAuthorization(Policies.Admin)
            .WithSummary("Resume a paused connector.");
        admin.MapDelete("/{id:long}", (long id, IMediator mediator, CancellationToken ct) => ChangeAsync(id, ChangeConnectorStatus.Removed, mediator, ct))
            .RequireAuthorization(Policies.Admin)
            .WithSummary("Remove a connector: its secrets are erased; its log and links stay for the audit trail.");

        var deliveries = app.MapGroup("/api/connectors/{id:long}").WithTags("Connectors").RequireAuthorization(Policies.ConnectorDelivery);
        deliveries.MapPost("/webhook", async (HttpContext http, IMediator mediator, CancellationToken ct) =>
            {
                var connector = ConnectorDeliveryAuthenticationHandler.VerifiedConnector(http);
                if (connector.Status != ChangeConnectorStatus.Active) return Paused();
                var body = await ReadJsonAsync(http, ct);
                return Results.Ok(await mediator.Send(new ReceiveAtsDelivery.Command(connector.Id, connector.Kind, body), ct));
            })
            .WithSummary("Greenhouse and Lever webhooks, verified by their signature: the record is fetched through the vendor's API and vetted.");
        deliveries.MapGet("/event-hook", (HttpContext http) =>
                Results.Ok(new { verification = http.Request.Headers["x-okta-verification-challenge"].ToString() }))
            .WithSummary("Okta Event Hook verification: echoes x-okta-verification-challenge.");
        deliveries.MapPost("/event-hook", async (HttpContext http, IMediator mediator, CancellationToken ct) =>
            {
                var connector = ConnectorDeliveryAuthenticationHandler.VerifiedConnector(http);
                if (connector.Status != ChangeConnectorStatus.Active) return Paused();
                var body = await ReadJsonAsync(http, ct);
                var stored = await mediator.Send(new StoreSignInPage.Command(connector.Id, connector.Kind, "delivery", [.. Envelopes.Expand(body)], null), ct);
                return Results.Ok(stored);
            })
            .WithSummary("Okta Event Hook deliveries (CloudEvents envelope; data.events[] are System Log events): sign-ins stored as the pull stores them.");
    }

    private static async Task<IResult> ChangeAsync(long id, string status, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(new ChangeConnectorStatus.Command(id, status), ct);
        return Results.NoContent();
    }

    private static IResult Paused() => Results.Problem(title: "Connector paused", detail: "This connector is paused; deliver again later.",
        statusCode: StatusCodes.Status503ServiceUnavailable);

    private static async Task<JsonElement> ReadJsonAsync(HttpContext http, CancellationToken ct)
    {
        http.Request.Body.Position = 0;
        try
        {
            using var document = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: ct);
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new BadHttpRequestException("The body is not valid JSON.", StatusCodes.Status400BadRequest, e);
        }
    }

}
