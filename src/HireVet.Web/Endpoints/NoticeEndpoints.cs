using HireVet.Application.Notices;
using HireVet.Web.Security;
using MediatR;

namespace HireVet.Web.Endpoints;

/// <summary>Letters to candidates and the pre-adverse-action waiting period: security reviewers record letters as sent,
/// record responses and make pending rejections final; auditors read everything; HR reads that notices were sent.</summary>
public static class NoticeEndpoints
{
    public sealed record SentBody(string? Channel);
    public sealed record ResponseBody(string? ResponseText, string? Channel);
    public sealed record FinalBody(string? Justification);

    public static void MapNotices(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Notices");

        group.MapGet("/notices", (IMediator mediator, CancellationToken ct, string? filter, int? limit, int? offset) =>
                mediator.Send(new ListNotices.Query(filter ?? "open", limit ?? 50, offset ?? 0), ct))
            .RequireAuthorization(Policies.CandidateReaders)
            .WithSummary("Open notices and waiting periods (filter=open|ready|final|responded|sent), paged.");

        group.MapGet("/notices/{id:long}", (long id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetNotice.Query(id), ct))
            .RequireAuthorization(Policies.EvidenceReaders)
            .WithSummary("One notice with the exact letter text as sent.");

        group.MapGet("/candidates/{id:long}/notices", (long id, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new GetCandidateNotices.Query(id), ct))
            .RequireAuthorization(Policies.CandidateReaders)
            .WithSummary("The candidate's notices, responses and waiting period; the letter preview for security and auditors.");

        group.MapPost("/candidates/{id:long}/notices", async (long id, SentBody body, IMediator mediator, CancellationToken ct) =>
        {
            var result = await mediator.Send(new RecordNoticeSent.Command { CandidateId = id, Channel = body.Channel }, ct);
            return Results.Created($"/api/notices/{result.NoticeId}", result);
        }).RequireAuthorization(Policies.Security)
            .WithSummary("Record the letter the current decision calls for as sent (a pre-adverse-action notice, the adverse action notice after a final rejection, once, or a request for information): {channel: email|post|portal}.");

        group.MapPost("/candidates/{id:long}/notice-responses", async (long id, ResponseBody body, IMediator mediator, CancellationToken ct) =>
        {
            var result = await mediator.Send(new RecordNoticeResponse.Command { CandidateId = id, ResponseText = body.ResponseText, Channel = body.Channel }, ct);
            return Results.Created($"/api/candidates/{id}/notices", result);
        }).RequireAuthorization(Policies.Security)
            .WithSummary("Record the candidate's response to the latest notice: {responseText, channel: email|post|portal|phone}; back to review.");

        group.MapPost("/candidates/{id:long}/final-rejection", (long id, FinalBody body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new FinaliseRejection.Command { CandidateId = id, Justification = body.Justification }, ct))
            .RequireAuthorization(Policies.Security)
            .WithSummary("Make a pending rejection final once its notice was sent and the waiting period has passed: {justification}.");
    }
}
