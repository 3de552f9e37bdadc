using HireVet.Application.Candidates;
using HireVet.Web.Security;
using MediatR;

namespace HireVet.Web.Endpoints;

public static class CandidateEndpoints
{
    public static void MapCandidates(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/candidates").WithTags("Candidates");

        group.MapPost("", async (SubmitCandidate.Command dossier, IMediator mediator, CancellationToken ct) =>
        {
            var result = await mediator.Send(dossier, ct);
            var body = new { result.Id, result.Status, result.Revision, result.Outcome };
            return result.Outcome == "created"
                ? Results.Created($"/api/candidates/{result.Id}", body)
                : Results.Ok(body);
        })
        .RequireAuthorization(Policies.Hr)
        .WithSummary("Submit a candidate dossier (idempotent on externalId; a changed dossier becomes a new revision).")
        .Produces(StatusCodes.Status201Created).Produces(StatusCodes.Status200OK).ProducesValidationProblem();

        group.MapGet("", (IMediator mediator, CancellationToken ct, string? status, int? limit, int? offset) =>
                mediator.Send(new ListCandidates.Query(status, limit ?? 50, offset ?? 0), ct))
            .RequireAuthorization(Policies.CandidateReaders)
            .WithSummary("List candidates with their status, newest first.");

        group.MapGet("/{id:long}", (long id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetCandidate.Query(id), ct))
            .RequireAuthorization(Policies.CandidateReaders)
            .WithSummary("A candidate's dossier, status and latest assessment (HR sees status and outcome only).");

        group.MapPost("/{id:long}/identity-verifications", async (long id, RecordIdentityVerification.Command result, IMediator mediator, CancellationToken ct) =>
        {
            var recorded = await mediator.Send(result with { CandidateId = id }, ct);
            return recorded.Outcome == "created"
                ? Results.Created($"/api/candidates/{id}/identity-verifications/{recorded.Id}", recorded)
                : Results.Ok(recorded);
        })
        .RequireAuthorization(Policies.IdentityVerificationSubmitters)
        .WithSummary("Record an identity-verification vendor's result (verified name and date of birth, document type and country, liveness "
            + "and document outcomes in the vendor's words, vendor and reference); idempotent on vendor and reference, a revised result "
            + "updates it, and the candidate is vetted again (ID-18).")
        .Produces<RecordIdentityVerification.Response>(StatusCodes.Status201Created)
        .Produces<RecordIdentityVerification.Response>(StatusCodes.Status200OK)
        .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/{id:long}/links", (long id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetCandidateLinks.Query(id), ct))
            .RequireAuthorization(Policies.EvidenceReaders)
            .WithSummary("The ring around a candidate: candidates linked by shared identifiers (nodes) and the identifiers (typed edges).");
    }
}
