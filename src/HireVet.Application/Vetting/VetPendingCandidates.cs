using Dapper;
using HireVet.Application.Common;
using HireVet.Application.Common.Auditing;
using HireVet.Application.Common.Data;
using MediatR;

namespace HireVet.Application.Vetting;

/// <summary>The scheduler's work: vets the longest-waiting pending candidates, a batch at a time, in one transaction with
/// one audit record listing each candidate's assessment. Several nodes may drain at once: rows another node has locked
/// are skipped. Returns how many were vetted, and whether the query found a full batch pending (there may be more).</summary>
public static class VetPendingCandidates
{
    // Small enough that the rows a batch locks are free again within a fraction of a second for submissions
    // that link to them; big enough that a burst costs a few transactions.
    public const int BatchSize = 50;

    public sealed record Command : IRequest<Result>, ICommand;

    public sealed record Result(int Vetted, bool FoundFullBatch);

    public sealed class Handler(IDbSession db, CandidateVetting vetting, AuditScope audit) : IRequestHandler<Command, Result>
    {
        private const string PendingSql = """
            select id from candidates where vetting_status = 'pending' order by vetting_requested_at limit @BatchSize
            """;

        public async Task<Result> Handle(Command command, CancellationToken ct)
        {
            var ids = (await db.Connection.QueryAsync<long>(new CommandDefinition(PendingSql, new { BatchSize },
                db.Transaction, cancellationToken: ct))).ToArray();
            var vetted = ids.Length == 0 ? [] : await vetting.VetAsync(ids, ct);
            audit.Target("candidate_batch", vetted.Count == 0 ? "none" : $"{vetted.Min(v => v.CandidateId)}..{vetted.Max(v => v.CandidateId)}");
            VetCandidates.Describe(audit, vetted);
            return new Result(vetted.Count, ids.Length == BatchSize);
        }
    }
}
