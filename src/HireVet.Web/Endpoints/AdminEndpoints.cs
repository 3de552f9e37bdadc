using HireVet.Application.Access;
using HireVet.Web.Security;
using MediatR;

namespace HireVet.Web.Endpoints;

public static class AdminEndpoints
{
    public static void MapAdmin(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin").WithTags("Admin").RequireAuthorization(Policies.Admin);

        group.MapPost("/users", async (CreateUser.Command command, IMediator mediator, CancellationToken ct) =>
        {
            var id = await mediator.Send(command, ct);
            return Results.Created($"/api/admin/users/{id}", new { id });
        }).WithSummary("Create a local user with a role.");

        group.MapPost("/api-keys", async (CreateApiKey.Command command, IMediator mediator, CancellationToken ct) =>
        {
            var key = await mediator.Send(command, ct);
            return Results.Created($"/api/admin/api-keys/{key.Id}", key);
        }).WithSummary("Create an API key with a role; the key is returned once.");

        group.MapGet("/users", (IMediator mediator, CancellationToken ct, int? limit, int? offset) =>
                mediator.Send(new ListUsers.Query(limit ?? 50, offset ?? 0), ct))
            .WithSummary("Local users, newest first: role, created, last sign-in, disabled (since when, by whom), failed sign-ins in a row, locked until.");

        group.MapPost("/users/{id:long}/disable", async (long id, IMediator mediator, CancellationToken ct) =>
        {
            await mediator.Send(new DisableUser.Command(id), ct);
            return Results.NoContent();
        }).WithSummary("Disable a user: no more sign-ins, and their sessions end at their next request. Not your own account.");

        group.MapPost("/users/{id:long}/enable", async (long id, IMediator mediator, CancellationToken ct) =>
        {
            await mediator.Send(new EnableUser.Command(id), ct);
            return Results.NoContent();
        }).WithSummary("Enable a disabled user again.");

        group.MapPost("/users/{id:long}/unlock", async (long id, IMediator mediator, CancellationToken ct) =>
        {
            await mediator.Send(new UnlockUser.Command(id), ct);
            return Results.NoContent();
        }).WithSummary("Unlock a user locked out after repeated wrong passwords, before the lockout ends.");

        group.MapGet("/sign-in-attempts", (IMediator mediator, CancellationToken ct, string? outcome, string? user, int? limit, int? offset) =>
                mediator.Send(new ListSignInAttempts.Query(outcome, user, limit ?? 50, offset ?? 0), ct))
            .WithSummary("Sign-in attempts, newest first: every failure (or one outcome), optionally for one user name; who, from where, when.");

        group.MapGet("/api-keys", (IMediator mediator, CancellationToken ct, int? limit, int? offset) =>
                mediator.Send(new ListApiKeys.Query(limit ?? 50, offset ?? 0), ct))
            .WithSummary("API keys, newest first: name, role, prefix, created, last used, revoked. Never the key.");

        group.MapPost("/api-keys/{id:long}/revoke", async (long id, IMediator mediator, CancellationToken ct) =>
        {
            await mediator.Send(new RevokeApiKey.Command(id), ct);
            return Results.NoContent();
        }).WithSummary("Revoke an API key: refused from then on (other nodes within 30 seconds).");
    }
}
