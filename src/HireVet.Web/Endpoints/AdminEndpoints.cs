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
    }
}
