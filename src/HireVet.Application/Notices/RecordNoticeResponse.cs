using Dapper;
using FluentValidation;
using HireVet.Application.Common;
using HireVet.Application.Common.Auditing;
using HireVet.Application.Common.Data;
using HireVet.Application.Common.Errors;
using HireVet.Application.Common.Security;
using MediatR;

namespace HireVet.Application.Notices;

/// <summary>A security reviewer records the candidate's answer to the latest notice (its text as received, and how it
/// came). The case goes back to the review queue for a new decision: a pending rejection is not made final over a
/// response, and a request for information is answered. A response after the deadline is still taken (a rejection not
/// yet final can still be reconsidered); it is marked late.</summary>
public static class RecordNoticeResponse
{
    public static readonly string[] Channels = ["email", "post", "portal", "phone"];

    public sealed record Command : IRequest<Response>, ICommand
    {
        public long CandidateId { get; init; }
        public string? ResponseText { get; init; }
        /// <summary>email, post, portal or phone.</summary>
        public string? Channel { get; init; }
    }

    public sealed record Response
    {
        public long ResponseId { get; init; }
        public long NoticeId { get; init; }
        public string CandidateStatus { get; init; } = "";
        public bool Late { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.ResponseText).NotEmpty().Must(t => t!.Trim().Length > 0)
                .WithMessage("'responseText' must hold what the candidate said or sent.").MaximumLength(20_000);
            RuleFor(c => c.Channel).NotEmpty().Must(c => Channels.Contains(c))
                .WithMessage("'channel' must be one of: email, post, portal, phone.");
        }
    }

    public sealed class Handler(IDbSession db, ICurrentActor actor, AuditScope audit, TimeProvider clock) : IRequestHandler<Command, Response>
    {
        private const string InsertSql = """
            insert into notice_responses (notice_id, candidate_id, kind, response_text, channel, recorded_by, received_at)
            values (@NoticeId, @CandidateId, 'response', @ResponseText, @Channel, @RecordedBy, @Now)
            returning id
            """;

        // Back in the review queue, waiting from now.
        private const string StatusSql = """
            update candidates set status = 'review', updated_at = @Now, claimed_by = null, claimed_at = null, review_since = @Now
            where id = @CandidateId
            """;

        public async Task<Response> Handle(Command command, CancellationToken ct)
        {
            audit.Target("candidate", command.CandidateId);
            var stage = await NoticeStage.LoadAsync(db, command.CandidateId, ct, forUpdate: true)
                ?? throw new NotFoundException("candidate", command.CandidateId);
            if (stage.OwedKind is null or NoticeLetter.AdverseAction or NoticeLetter.PolicyViolation)
                throw new ConflictException($"The candidate is '{stage.Status}': no notice is waiting for a response.");
            if (!stage.HasNotice)
                throw new ConflictException("No notice has been recorded as sent for the current decision: record the letter as sent first.");

            var now = clock.GetUtcNow();
            var id = await db.Connection.ExecuteScalarAsync<long>(new CommandDefinition(InsertSql, new
            {
                stage.NoticeId, stage.CandidateId, ResponseText = command.ResponseText!.Trim(), command.Channel, RecordedBy = actor.Name, Now = now,
            }, db.Transaction, cancellationToken: ct));
            await db.Connection.ExecuteAsync(new CommandDefinition(StatusSql, new { stage.CandidateId, Now = now }, db.Transaction, cancellationToken: ct));

            var late = now > stage.RespondBy;
            audit.Details["noticeId"] = stage.NoticeId;
            audit.Details["responseId"] = id;
            audit.Details["channel"] = command.Channel;
            audit.Details["late"] = late;
            audit.Details["previousStatus"] = stage.Status;
            return new Response { ResponseId = id, NoticeId = stage.NoticeId!.Value, CandidateStatus = "review", Late = late };
        }
    }
}
