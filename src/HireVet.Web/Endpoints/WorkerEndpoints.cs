using HireVet.Application.Workers;
using HireVet.Web.Security;
using MediatR;

namespace HireVet.Web.Endpoints;

public static class WorkerEndpoints
{
    public static void MapWorkers(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/candidates/{id:long}/hire", async (long id, HireCandidate.Command command, IMediator mediator, CancellationToken ct) =>
            {
                var hired = await mediator.Send(command with { CandidateId = id }, ct);
                return Results.Created($"/api/workers/{hired.WorkerId}", hired);
            })
            .RequireAuthorization(Policies.Hr)
            .WithTags("Workers")
            .WithSummary("Mark a cleared candidate hired (employee id, start date, work e-mail): the worker keeps the candidate's history.")
            .Produces<HireCandidate.Response>(StatusCodes.Status201Created).ProducesValidationProblem();

        app.MapGet("/api/workers", (IMediator mediator, CancellationToken ct, int? limit, int? offset) =>
                mediator.Send(new ListWorkers.Query(limit ?? 50, offset ?? 0), ct))
            .RequireAuthorization(Policies.CandidateReaders)
            .WithTags("Workers")
            .WithSummary("Hired workers with their case status and band, newest hire first.");
    }
}
