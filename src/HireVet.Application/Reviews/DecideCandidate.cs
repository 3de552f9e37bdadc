using Dapper;
using FluentValidation;
using HireVet.Application.Common;
using HireVet.Application.Common.Auditing;
using HireVet.Application.Common.Data;
using HireVet.Application.Common.Errors;
using HireVet.Application.Common.Security;
using HireVet.Application.Webhooks;
using MediatR;

namespace HireVet.Application.Reviews;

/// <summary>The reviewer who claimed a candidate decides: clear, reject, request_information or policy_violation, always
/// with a written justification, based on the latest assessment. Rejecting anyone, finding a hired worker in breach of
/// the remote-work policy (policy_violation: not suspected false identity, decision 0048), or clearing a candidate in
/// band high, needs a second reviewer's approval before it takes effect (four eyes); the rest take effect at once.</summary>
public static class DecideCandidate
{
    public const string PolicyViolation = "policy_violation";
    public static readonly string[] Outcomes = ["clear", "reject", "request_information", PolicyViolation];

    public sealed record Command : IRequest<Response>, ICommand
    {
        public long CandidateId { get; init; }
        public string? Outcome { get; init; }
        public string? Justification { get; init; }
    }

    public sealed record Response
    {
        public long DecisionId { get; init; }
        public string CandidateStatus { get; init; } = "";
        public bool RequiresApproval { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Outcome).NotEmpty().Must(o => Outcomes.Contains(o))
                .WithMessage("'outcome' must be one of: clear, reject, request_information, policy_violation.");
            RuleFor(c => c.Justification).NotEmpty().Must(j => j!.Trim().Length >= 10)
                .WithMessage("'justification' must explain the decision in at least 10 characters.").MaximumLength(5000);
        }
    }

    public sealed class Handler(IDbSession db, ICurrentActor actor, AuditScope audit, TimeProvider clock) : IRequestHandler<Command, Response>
    {
        private const string LockSql = """
            select c.status, c.claimed_by, c.band,
                   (select id from assessments where candidate_id = c.id order by id desc limit 1) as assessment_id,
                   exists (select 1 from workers w where w.candidate_id = c.id) as hired
            from candidates c where c.id = @CandidateId
            for update of c
            """;

        private const string InsertSql = """
            insert into decisions (candidate_id, assessment_id, outcome, justification, band_at_decision, requires_approval, decided_by, decided_at)
            values (@CandidateId, @AssessmentId, @Outcome, @Justification, @Band, @RequiresApproval, @DecidedBy, @Now)
            returning id
            """;

        private const string StatusSql = """
            update candidates set status = @Status, updated_at = @Now,
                   claimed_by = case when @Status = 'awaiting_approval' then claimed_by end,
                   claimed_at = case when @Status = 'awaiting_approval' then claimed_at end,
                   review_since = null
            where id = @CandidateId
            """;

        public async Task<Response> Handle(Command command, CancellationToken ct)
        {
            audit.Target("candidate", command.CandidateId);
            var row = await db.Connection.QuerySingleOrDefaultAsync<(string Status, string? ClaimedBy, string? Band, long? AssessmentId, bool Hired)?>(
                new CommandDefinition(LockSql, command, db.Transaction, cancellationToken: ct))
                ?? throw new NotFoundException("candidate", command.CandidateId);
            if (row.Status != "review")
                throw new ConflictException($"The candidate is '{row.Status}', not waiting for review.");
            if (row.ClaimedBy != actor.Name)
                throw new ConflictException(row.ClaimedBy is null
                    ? "Claim the candidate before deciding."
                    : $"The candidate is claimed by {row.ClaimedBy}.");
            // The remote-work policy binds employees; a candidate's unexplained location is a question for
            // request_information, not a policy breach.
            if (command.Outcome == PolicyViolation && !row.Hired)
                throw new ConflictException("A policy violation is an outcome for a hired worker who broke the remote-work policy; this candidate is not hired.");

            var requiresApproval = command.Outcome is "reject" or PolicyViolation || (command.Outcome == "clear" && row.Band == "high");
            var status = requiresApproval ? "awaiting_approval"
                : command.Outcome == "clear" ? "cleared" : "information_requested";
            var now = clock.GetUtcNow();
            var decisionId = await db.Connection.ExecuteScalarAsync<long>(new CommandDefinition(InsertSql, new
            {
                command.CandidateId, row.AssessmentId, command.Outcome, Justification = command.Justification!.Trim(),
                row.Band, RequiresApproval = requiresApproval, DecidedBy = actor.Name, Now = now,
            }, db.Transaction, cancellationToken: ct));
            await db.Connection.ExecuteAsync(new CommandDefinition(StatusSql,
                new { command.CandidateId, Status = status, Now = now }, db.Transaction, cancellationToken: ct));
            if (status == "cleared") await AtsNoteOutbox.EnqueueAsync(db, AtsNoteOutbox.Decided, [command.CandidateId], now, ct);

            audit.Details["decisionId"] = decisionId;
            audit.Details["outcome"] = command.Outcome;
            audit.Details["assessmentId"] = row.AssessmentId;
            return new Response { DecisionId = decisionId, CandidateStatus = status, RequiresApproval = requiresApproval };
        }
    }
}
