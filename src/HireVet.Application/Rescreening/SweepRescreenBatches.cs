using Dapper;
using HireVet.Application.Common.Data;
using MediatR;

namespace HireVet.Application.Rescreening;

/// <summary>The re-screening sweep: a pending batch of a running run is enqueued again when its job was never enqueued
/// (the node died between the run's commit and the enqueue) or will never run (it failed, was deleted or expired).
/// A batch being run now holds its row lock and is skipped; a batch whose job waits or runs is left to it, so a long
/// queue gets no duplicates. Not an audited command: it changes no decision, only re-delivers work.</summary>
public static class SweepRescreenBatches
{
    /// <param name="Grace">How old a run or an enqueue must be before the sweep looks at it: a run just committed is
    /// still enqueuing its batches.</param>
    public sealed record Command(TimeSpan Grace) : IRequest<int>;

    public sealed class Handler(IDbSession db, RescreenBatchQueue queue, IRescreenScheduler scheduler, TimeProvider clock)
        : IRequestHandler<Command, int>
    {
        private const string CandidatesSql = """
            select b.run_id, b.batch_no, b.job_id
            from rescreen_batches b join rescreen_runs r on r.id = b.run_id
            where r.status = 'running' and b.status = 'pending'
              and (b.job_id is null and r.started_at < @Before or b.enqueued_at < @Before)
            order by b.run_id, b.batch_no
            for update of b skip locked
            """;

        public async Task<int> Handle(Command command, CancellationToken ct)
        {
            await db.BeginAsync(ct);
            try
            {
                var batches = (await db.Connection.QueryAsync<(long RunId, int BatchNo, string? JobId)>(new CommandDefinition(CandidatesSql,
                    new { Before = clock.GetUtcNow() - command.Grace }, db.Transaction, cancellationToken: ct))).ToArray();
                var gone = await scheduler.GoneAsync([.. batches.Where(b => b.JobId is not null).Select(b => b.JobId!)], ct);
                var lost = batches.Where(b => b.JobId is null || gone.Contains(b.JobId)).ToArray();
                foreach (var (runId, batchNo, _) in lost) await queue.EnqueueAsync(runId, batchNo, TimeSpan.Zero, ct);
                await db.CommitAsync(ct);
                return lost.Length;
            }
            catch
            {
                await db.RollbackAsync(CancellationToken.None);
                throw;
            }
        }
    }
}
