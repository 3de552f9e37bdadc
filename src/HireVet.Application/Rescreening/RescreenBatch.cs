using Dapper;
using HireVet.Application.Common;
using HireVet.Application.Common.Auditing;
using HireVet.Application.Common.Data;
using HireVet.Application.Vetting;
using MediatR;

namespace HireVet.Application.Rescreening;

/// <summary>One batch of a re-screening run, as a scheduled job runs it on any node: every subject is vetted again
/// with the newest reference data and, for workers, their post-hire events; the batch is marked done and the run's
/// progress counted in the same transaction. So a node killed half-way leaves nothing behind (the scheduler gives
/// the batch to another node), and a batch done already is a no-op: no subject is assessed twice by one run.</summary>
public static class RescreenBatch
{
    public sealed record Command(long RunId, int BatchNo, string Node) : IRequest<Response>, ICommand;

    public sealed record Response(bool Ran, int Processed, int Signals, int BandsRaised);

    public sealed class Handler(IDbSession db, CandidateVetting vetting, AuditScope audit, TimeProvider clock) : IRequestHandler<Command, Response>
    {
        private const string LockSql = """
            select candidate_ids from rescreen_batches where run_id = @RunId and batch_no = @BatchNo and status <> 'done' for update
            """;

        // A subject pending already (a new revision, a ring change) is vetted here with the rest; one another node is
        // vetting at this moment is skipped (its row is locked), as that vetting is just as fresh.
        private const string MarkPendingSql = """
            update candidates set vetting_status = 'pending', vetting_requested_at = @Now where id = any(@Ids) and vetting_status = 'completed'
            """;

        // Updating the run's counters takes its row lock, so batches of one run finishing together queue here.
        private const string DoneSql = """
            update rescreen_batches set status = 'done', processed = @Processed, signals = @Signals, bands_raised = @BandsRaised,
                   node = @Node, finished_at = @Now, attempts = attempts + 1
            where run_id = @RunId and batch_no = @BatchNo;
            update workers set rescreened_at = @Now where candidate_id = any(@Ids);
            update rescreen_runs set processed = processed + @Processed, signals = signals + @Signals, bands_raised = bands_raised + @BandsRaised
            where id = @RunId;
            """;

        /// <summary>Closes the run when no batch is pending. Run as a statement of its own once this transaction holds
        /// the run's row lock: its snapshot then sees every batch committed before, so the last two batches finishing
        /// at once cannot both take the other for pending. A batch that failed for good closes the run the same way.</summary>
        internal const string CloseIfFinishedSql = """
            update rescreen_runs r set status = case when failures > 0 then 'completed_with_failures' else 'completed' end, finished_at = @Now
            where r.id = @RunId and r.status = 'running'
              and not exists (select 1 from rescreen_batches b where b.run_id = r.id and b.status = 'pending')
            """;

        public async Task<Response> Handle(Command command, CancellationToken ct)
        {
            audit.Target("rescreen_batch", $"{command.RunId}/{command.BatchNo}");
            var ids = await db.Connection.QuerySingleOrDefaultAsync<long[]>(new CommandDefinition(LockSql, command, db.Transaction, cancellationToken: ct));
            if (ids is null)
            {
                audit.Details["outcome"] = "done already";
                return new Response(false, 0, 0, 0);
            }
            var now = clock.GetUtcNow();
            await db.Connection.ExecuteAsync(new CommandDefinition(MarkPendingSql, new { Ids = ids, Now = now }, db.Transaction, cancellationToken: ct));
            var vetted = await vetting.VetAsync(ids, ct, command.RunId);
            var (signals, raised) = (vetted.Sum(v => v.Signals), vetted.Count(v => v.BandRaised));
            var counts = new
            {
                command.RunId, command.BatchNo, command.Node, Processed = vetted.Count, Signals = signals, BandsRaised = raised, Now = now, Ids = ids,
            };
            await db.Connection.ExecuteAsync(new CommandDefinition(DoneSql, counts, db.Transaction, cancellationToken: ct));
            await db.Connection.ExecuteAsync(new CommandDefinition(CloseIfFinishedSql, new { command.RunId, Now = now }, db.Transaction, cancellationToken: ct));
            VetCandidates.Describe(audit, vetted);
            audit.Details["bandsRaised"] = vetted.Where(v => v.BandRaised).Select(v => v.CandidateId).ToArray();
            return new Response(true, vetted.Count, signals, raised);
        }
    }
}
