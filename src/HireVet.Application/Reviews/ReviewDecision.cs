using Dapper;
using FluentValidation;
using HireVet.Application.Common;
using HireVet.Application.Common.Auditing;
using HireVet.Application.Common.Data;
using HireVet.Application.Common.Errors;
using HireVet.Application.Common.Security;
using HireVet.Application.Notices;
using HireVet.Application.ReferenceData;
using HireVet.Application.Vetting;
using HireVet.Application.Webhooks;
using MediatR;

namespace HireVet.Application.Reviews;

/// <summary>The second pair of eyes: a different security reviewer approves a decision waiting for approval or declines
/// it (the candidate goes back to the review queue). An approved clearance takes effect; an approved rejection puts the
/// candidate in 'rejection_pending', the pre-adverse-action stage, until a reviewer makes it final after the notice's
/// waiting period (FinaliseRejection). An approved policy violation puts the worker's case in 'policy_violation' and
/// owes the worker its letter (decision 0048); it is not a rejection, so nothing that reads rejections is re-vetted.
/// Nobody approves their own decision.</summary>
public static class ReviewDecision
{
    public sealed record Command : IRequest<Response>, ICommand
    {
        public long DecisionId { get; init; }
        /// <summary>approved or declined.</summary>
        public string? Verdict { get; init; }
        public string? Justification { get; init; }
    }

    public sealed record Response
    {
        public long CandidateId { get; init; }
        public string CandidateStatus { get; init; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Verdict).NotEmpty().Must(v => v is "approved" or "declined")
                .WithMessage("'verdict' must be approved or declined.");
            RuleFor(c => c.Justification).NotEmpty().Must(j => j!.Trim().Length >= 10)
                .WithMessage("'justification' must explain the verdict in at least 10 characters.").MaximumLength(5000);
        }
    }

    public sealed class Handler(IDbSession db, ICurrentActor actor, AuditScope audit, IAfterCommit afterCommit, IVettingScheduler scheduler,
        IReferenceData referenceData, TimeProvider clock) : IRequestHandler<Command, Response>
    {
        private const string LockSql = """
            select d.candidate_id, d.outcome, d.decided_by, d.requires_approval, d.assessment_id, c.status, c.external_id,
                   (select id from assessments where candidate_id = c.id order by id desc limit 1) as latest_assessment_id,
                   (select max(id) from decisions where candidate_id = c.id) as latest_decision_id,
                   exists (select 1 from decision_approvals where decision_id = d.id) as already_reviewed
            from decisions d join candidates c on c.id = d.candidate_id
            where d.id = @DecisionId
            for update of c
            """;

        private const string InsertSql = """
            insert into decision_approvals (decision_id, verdict, justification, approver, approved_at)
            values (@DecisionId, @Verdict, @Justification, @Approver, @Now)
            """;

        // A declined decision sends the candidate back to the queue: its wait starts again now. An approved policy
        // violation is owed its letter (final_notice_owed, cleared when the letter is recorded as sent).
        private const string StatusSql = """
            update candidates set status = @Status, updated_at = @Now, claimed_by = null, claimed_at = null,
                   review_since = case when @Status = 'review' then @Now end,
                   final_notice_owed = final_notice_owed or @Status = 'policy_violation'
            where id = @CandidateId
            """;

        public async Task<Response> Handle(Command command, CancellationToken ct)
        {
            audit.Target("decision", command.DecisionId);
            var d = await db.Connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(LockSql, command, db.Transaction, cancellationToken: ct))
                ?? throw new NotFoundException("decision", command.DecisionId);
            if (!d.RequiresApproval) throw new ConflictException("This decision took effect without a second approval.");
            if (d.AlreadyReviewed) throw new ConflictException("This decision has already been approved or declined.");
            if (d.DecidedBy == actor.Name) throw new ForbiddenException("A decision must be approved by a second, different reviewer.");
            if (d.Status != "awaiting_approval" || d.LatestDecisionId != command.DecisionId)
                throw new ConflictException("This decision is no longer waiting for approval.");
            if (d.LatestAssessmentId != d.AssessmentId)
                throw new ConflictException("The candidate was re-assessed after this decision; it must be decided again.");

            var now = clock.GetUtcNow();
            await db.Connection.ExecuteAsync(new CommandDefinition(InsertSql, new
            {
                command.DecisionId, command.Verdict, Justification = command.Justification!.Trim(), Approver = actor.Name, Now = now,
            }, db.Transaction, cancellationToken: ct));
            // An approved rejection is not final yet: the candidate gets a pre-adverse-action notice and a waiting
            // period first (see Notices/FinaliseRejection); an approved clearance takes effect at once.
            var status = command.Verdict == "declined" ? "review"
                : d.Outcome switch { "reject" => NoticeStage.RejectionPending, DecideCandidate.PolicyViolation => NoticeStage.PolicyViolation, _ => "cleared" };
            await db.Connection.ExecuteAsync(new CommandDefinition(StatusSql, new { d.CandidateId, Status = status, Now = now },
                db.Transaction, cancellationToken: ct));

            if (status == NoticeStage.PolicyViolation)
                await AtsNoteOutbox.EnqueueAsync(db, AtsNoteOutbox.Decided, [d.CandidateId], now, ct);
            if (status == "cleared")
            {
                await AtsNoteOutbox.EnqueueAsync(db, AtsNoteOutbox.Decided, [d.CandidateId], now, ct);
                // The ring's members and the candidates this one referred read its status. A pending rejection changes
                // nothing they read (a referrer waiting for approval is flagged as one pending rejection is; the ring
                // check counts final rejections only), so they are re-vetted when the rejection is made final.
                var linked = await LinkedRevetting.RevetRingAndReferredAsync(db, afterCommit, scheduler, referenceData, d.CandidateId, d.ExternalId, now, ct);
                if (linked.Length > 0) audit.Details["linkedRevetted"] = linked;
            }

            audit.Details["candidateId"] = d.CandidateId;
            audit.Details["verdict"] = command.Verdict;
            return new Response { CandidateId = d.CandidateId, CandidateStatus = status };
        }

        private sealed record Row
        {
            public long CandidateId { get; init; }
            public string Outcome { get; init; } = "";
            public string DecidedBy { get; init; } = "";
            public bool RequiresApproval { get; init; }
            public long AssessmentId { get; init; }
            public string Status { get; init; } = "";
            public string ExternalId { get; init; } = "";
            public long? LatestAssessmentId { get; init; }
            public long? LatestDecisionId { get; init; }
            public bool AlreadyReviewed { get; init; }
        }
    }
}
