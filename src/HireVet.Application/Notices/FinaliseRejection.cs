using Dapper;
using FluentValidation;
using HireVet.Application.Common;
using HireVet.Application.Common.Auditing;
using HireVet.Application.Common.Data;
using HireVet.Application.Common.Errors;
using HireVet.Application.Common.Security;
using HireVet.Application.ReferenceData;
using HireVet.Application.Vetting;
using HireVet.Application.Webhooks;
using MediatR;

namespace HireVet.Application.Notices;

/// <summary>A security reviewer makes a pending rejection final (status 'rejected'), with a written justification.
/// Never automatic, and refused until a pre-adverse-action notice for the approved rejection has been recorded as sent
/// and its waiting period (Notices:AdverseActionWaitingDays from sending) has passed. A candidate who responded is back
/// in review and has no pending rejection to finalise. A final rejection is owed the adverse action notice
/// (RecordNoticeSent), which the notices list shows until it is recorded as sent.</summary>
public static class FinaliseRejection
{
    public sealed record Command : IRequest<Response>, ICommand
    {
        public long CandidateId { get; init; }
        public string? Justification { get; init; }
    }

    public sealed record Response
    {
        public long FinalisationId { get; init; }
        public string CandidateStatus { get; init; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Justification).NotEmpty().Must(j => j!.Trim().Length >= 10)
                .WithMessage("'justification' must explain the final decision in at least 10 characters.").MaximumLength(5000);
        }
    }

    public sealed class Handler(IDbSession db, ICurrentActor actor, AuditScope audit, IAfterCommit afterCommit, IVettingScheduler scheduler,
        IReferenceData referenceData, TimeProvider clock) : IRequestHandler<Command, Response>
    {
        private const string InsertSql = """
            insert into rejection_finalisations (candidate_id, decision_id, notice_id, justification, finalised_by, finalised_at)
            values (@CandidateId, @DecisionId, @NoticeId, @Justification, @FinalisedBy, @Now)
            returning id
            """;

        private const string StatusSql = """
            update candidates set status = 'rejected', updated_at = @Now, claimed_by = null, claimed_at = null, final_notice_owed = true
            where id = @CandidateId
            """;

        public async Task<Response> Handle(Command command, CancellationToken ct)
        {
            audit.Target("candidate", command.CandidateId);
            var stage = await NoticeStage.LoadAsync(db, command.CandidateId, ct, forUpdate: true)
                ?? throw new NotFoundException("candidate", command.CandidateId);
            if (stage.OwedKind != NoticeLetter.PreAdverseAction)
                throw new ConflictException($"The candidate is '{stage.Status}', not waiting for a rejection to be made final.");
            if (!stage.HasNotice)
                throw new ConflictException("No pre-adverse-action notice has been recorded as sent: send the letter and record it before the rejection can be made final.");
            var now = clock.GetUtcNow();
            if (now < stage.RespondBy)
                throw new ConflictException($"The waiting period runs until {NoticeLetter.Deadline(stage.RespondBy!.Value)}: " +
                    $"the rejection can be made final only after that (the notice was sent {NoticeLetter.Deadline(stage.SentAt!.Value)}).");

            var id = await db.Connection.ExecuteScalarAsync<long>(new CommandDefinition(InsertSql, new
            {
                stage.CandidateId, stage.DecisionId, stage.NoticeId, Justification = command.Justification!.Trim(), FinalisedBy = actor.Name, Now = now,
            }, db.Transaction, cancellationToken: ct));
            await db.Connection.ExecuteAsync(new CommandDefinition(StatusSql, new { stage.CandidateId, Now = now }, db.Transaction, cancellationToken: ct));
            await AtsNoteOutbox.EnqueueAsync(db, AtsNoteOutbox.Decided, [stage.CandidateId], now, ct);

            // The ring's members and the candidates this one referred read a final rejection: they are vetted again.
            var linked = await LinkedRevetting.RevetRingAndReferredAsync(db, afterCommit, scheduler, referenceData, stage.CandidateId, stage.ExternalId, now, ct);
            if (linked.Length > 0) audit.Details["linkedRevetted"] = linked;
            audit.Details["finalisationId"] = id;
            audit.Details["decisionId"] = stage.DecisionId;
            audit.Details["noticeId"] = stage.NoticeId;
            return new Response { FinalisationId = id, CandidateStatus = "rejected" };
        }
    }
}
