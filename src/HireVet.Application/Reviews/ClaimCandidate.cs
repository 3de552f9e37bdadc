using Dapper;
using HireVet.Application.Common;
using HireVet.Application.Common.Auditing;
using HireVet.Application.Common.Data;
using HireVet.Application.Common.Errors;
using HireVet.Application.Common.Security;
using MediatR;

namespace HireVet.Application.Reviews;

/// <summary>A security reviewer takes a candidate from the queue (or releases it), so two reviewers don't work the
/// same case. A claim held by someone else can't be taken over silently.</summary>
public static class ClaimCandidate
{
    public sealed record Command(long CandidateId, bool Release = false) : IRequest<Unit>, ICommand;

    public sealed class Handler(IDbSession db, ICurrentActor actor, AuditScope audit, TimeProvider clock) : IRequestHandler<Command, Unit>
    {
        private const string LockSql = "select status, claimed_by from candidates where id = @CandidateId for update";
        private const string ClaimSql = "update candidates set claimed_by = @ClaimedBy, claimed_at = @ClaimedAt where id = @CandidateId";

        public async Task<Unit> Handle(Command command, CancellationToken ct)
        {
            audit.Target("candidate", command.CandidateId);
            var row = await db.Connection.QuerySingleOrDefaultAsync<(string Status, string? ClaimedBy)?>(
                new CommandDefinition(LockSql, command, db.Transaction, cancellationToken: ct))
                ?? throw new NotFoundException("candidate", command.CandidateId);
            if (row.Status != "review")
                throw new ConflictException($"The candidate is '{row.Status}', not waiting for review.");
            if (row.ClaimedBy is not null && row.ClaimedBy != actor.Name)
                throw new ConflictException($"The candidate is claimed by {row.ClaimedBy}.");

            await db.Connection.ExecuteAsync(new CommandDefinition(ClaimSql, new
            {
                command.CandidateId,
                ClaimedBy = command.Release ? null : actor.Name,
                ClaimedAt = command.Release ? (DateTimeOffset?)null : clock.GetUtcNow(),
            }, db.Transaction, cancellationToken: ct));
            audit.Details["released"] = command.Release;
            return Unit.Value;
        }
    }
}
