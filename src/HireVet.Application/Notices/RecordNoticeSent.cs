using System.Security.Cryptography;
using System.Text;
using Dapper;
using FluentValidation;
using HireVet.Application.Common;
using HireVet.Application.Common.Auditing;
using HireVet.Application.Common.Data;
using HireVet.Application.Common.Errors;
using HireVet.Application.Common.Security;
using MediatR;

namespace HireVet.Application.Notices;

/// <summary>A security reviewer records that the letter the current decision calls for was sent: a pre-adverse-action
/// notice for a pending rejection, or a request for information. The letter is written here, at the moment of
/// sending, and stored exactly as sent with who sent it, when and how; its deadline (for a pre-adverse notice, the end
/// of the waiting period) counts from that moment. Sending again (an e-mail that bounced, then a letter by post) is a
/// new notice, and the waiting period counts from the latest. After a rejection was made final, the adverse action
/// notice is recorded the same way, once per decision (a unique index holds that too); its deadline is the end of the
/// 60-day window for a free copy of the agency's report, or the sending itself when no agency is configured. A worker's
/// approved policy violation is owed its own letter, also recorded once per decision.</summary>
public static class RecordNoticeSent
{
    public static readonly string[] Channels = ["email", "post", "portal"];

    public sealed record Command : IRequest<Response>, ICommand
    {
        public long CandidateId { get; init; }
        /// <summary>email, post or portal.</summary>
        public string? Channel { get; init; }
    }

    public sealed record Response
    {
        public long NoticeId { get; init; }
        public string Kind { get; init; } = "";
        public DateTimeOffset SentAt { get; init; }
        public DateTimeOffset RespondBy { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Channel).NotEmpty().Must(c => Channels.Contains(c))
                .WithMessage("'channel' must be one of: email, post, portal.");
        }
    }

    public sealed class Handler(IDbSession db, ICurrentActor actor, AuditScope audit, TimeProvider clock, NoticeOptions options)
        : IRequestHandler<Command, Response>
    {
        private const string InsertSql = """
            insert into candidate_notices (candidate_id, decision_id, assessment_id, kind, channel, letter_text, sent_by, sent_at, respond_by)
            values (@CandidateId, @DecisionId, @AssessmentId, @Kind, @Channel, @LetterText, @SentBy, @SentAt, @RespondBy)
            returning id
            """;

        // The notices list's index (ix_candidates_notice_open) no longer holds the candidate.
        private const string FinalNoticeSentSql = "update candidates set final_notice_owed = false where id = @CandidateId";

        public async Task<Response> Handle(Command command, CancellationToken ct)
        {
            audit.Target("candidate", command.CandidateId);
            var stage = await NoticeStage.LoadAsync(db, command.CandidateId, ct, forUpdate: true)
                ?? throw new NotFoundException("candidate", command.CandidateId);
            if (stage.FinalNoticeSent)
                throw new ConflictException($"The adverse action notice for this decision was already recorded as sent (notice {stage.NoticeId}): it is sent once.");
            if (stage.PolicyNoticeSent)
                throw new ConflictException($"The policy-violation letter for this decision was already recorded as sent (notice {stage.NoticeId}): it is sent once.");
            var kind = stage.OwedKind ?? throw new ConflictException(
                $"The candidate is '{stage.Status}': a letter is sent only for a pending rejection (after its approval), a rejection made final, a request for information or an approved policy violation.");

            var now = clock.GetUtcNow();
            var (text, respondBy) = await NoticeStage.LetterAsync(db, stage, options, now, ct);
            var id = await db.Connection.ExecuteScalarAsync<long>(new CommandDefinition(InsertSql, new
            {
                stage.CandidateId, stage.DecisionId, stage.AssessmentId, Kind = kind, command.Channel, LetterText = text,
                SentBy = actor.Name, SentAt = now, RespondBy = respondBy,
            }, db.Transaction, cancellationToken: ct));
            if (kind is NoticeLetter.AdverseAction or NoticeLetter.PolicyViolation)
                await db.Connection.ExecuteAsync(new CommandDefinition(FinalNoticeSentSql, new { stage.CandidateId }, db.Transaction, cancellationToken: ct));

            audit.Details["noticeId"] = id;
            audit.Details["kind"] = kind;
            audit.Details["channel"] = command.Channel;
            audit.Details["decisionId"] = stage.DecisionId;
            audit.Details["respondBy"] = respondBy;
            audit.Details["letterSha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
            if (stage.HasNotice) audit.Details["resentAfterNotice"] = stage.NoticeId;
            return new Response { NoticeId = id, Kind = kind, SentAt = now, RespondBy = respondBy };
        }
    }
}
