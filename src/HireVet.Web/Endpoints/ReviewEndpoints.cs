using System.ComponentModel;
using HireVet.Application.Reviews;
using HireVet.Web.Security;
using MediatR;

namespace HireVet.Web.Endpoints;

public static class ReviewEndpoints
{
    public sealed record DecisionBody(
        [property: Description("clear, reject, request_information or policy_violation (a hired worker broke the remote-work policy: not suspected fraud; four eyes, as a rejection).")]
        string? Outcome,
        string? Justification);
    public sealed record ApprovalBody(string? Verdict, string? Justification);

    public static void MapReviews(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Reviews").RequireAuthorization(Policies.Security);

        group.MapGet("/reviews/queue", (IMediator mediator, CancellationToken ct, string? band, string? indicator, string? waiting,
                string? assignee, string? sort, int? limit, int? offset) =>
                mediator.Send(new GetReviewQueue.Query
                {
                    Band = band, Indicator = indicator, Waiting = waiting, Assignee = assignee, Sort = sort, Limit = limit ?? 50, Offset = offset ?? 0,
                }, ct))
            .WithSummary("Candidates in band review or high waiting for a decision, with the total of the filtered queue.")
            .WithDescription("Filters: band (review, high), indicator (an indicator id such as NET-01: the latest assessment has a signal of it), " +
                             "waiting (whole days: in the queue for more than that), assignee (anyone, unclaimed, me, reviewer:<username>). " +
                             "sort: score (default, highest first), oldest (waiting longest first), newest, name. Paging: limit (1-200, default 50), offset.");

        group.MapPost("/candidates/{id:long}/claim", async (long id, IMediator mediator, CancellationToken ct) =>
        {
            await mediator.Send(new ClaimCandidate.Command(id), ct);
            return Results.NoContent();
        }).WithSummary("Claim a candidate for review.");

        group.MapDelete("/candidates/{id:long}/claim", async (long id, IMediator mediator, CancellationToken ct) =>
        {
            await mediator.Send(new ClaimCandidate.Command(id, Release: true), ct);
            return Results.NoContent();
        }).WithSummary("Release a claimed candidate back to the queue.");

        group.MapPost("/candidates/{id:long}/decisions", async (long id, DecisionBody body, IMediator mediator, CancellationToken ct) =>
        {
            var result = await mediator.Send(new DecideCandidate.Command { CandidateId = id, Outcome = body.Outcome, Justification = body.Justification }, ct);
            return Results.Created($"/api/decisions/{result.DecisionId}", result);
        }).WithSummary("Decide on a claimed candidate: clear, reject, request_information or policy_violation, with a justification.")
          .WithDescription("reject and policy_violation (and clear in band high) wait for a second reviewer. policy_violation is for a hired worker " +
                           "who broke the remote-work/location policy (a travel router, a personal VPN): it is recorded, counted and written to the worker " +
                           "as a policy breach, never as a rejection or suspected fraud; 409 for a candidate who is not hired.");

        group.MapGet("/approvals", (IMediator mediator, CancellationToken ct, bool? mine) => mediator.Send(new GetPendingApprovals.Query(mine ?? false), ct))
            .WithSummary("Decisions waiting for a second reviewer: others' (you may approve them), or with mine=true your own, waiting for someone else.");

        group.MapPost("/decisions/{id:long}/approval", (long id, ApprovalBody body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new ReviewDecision.Command { DecisionId = id, Verdict = body.Verdict, Justification = body.Justification }, ct))
            .WithSummary("Approve or decline another reviewer's decision (four eyes).");
    }
}
