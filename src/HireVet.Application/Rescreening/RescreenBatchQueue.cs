using Dapper;
using HireVet.Application.Common.Data;

namespace HireVet.Application.Rescreening;

/// <summary>Enqueues a run's batches with the job engine once the run has committed, and records each batch's job, so
/// that the sweep can tell a batch never enqueued (the node died in between) from one that waits its turn.</summary>
public sealed class RescreenBatchQueue(IDbSession db, IRescreenScheduler scheduler, TimeProvider clock)
{
    private const string NotEnqueuedSql = """
        select batch_no from rescreen_batches where run_id = @RunId and status = 'pending' and job_id is null order by batch_no
        """;

    private const string RecordSql = """
        update rescreen_batches set job_id = @JobId, enqueued_at = @Now where run_id = @RunId and batch_no = @BatchNo
        """;

    /// <summary>Every pending batch of the run that has no job yet (all of them, for a run just started).</summary>
    public async Task<int> EnqueueNotEnqueuedAsync(long runId, CancellationToken ct)
    {
        var batches = (await db.Connection.QueryAsync<int>(new CommandDefinition(NotEnqueuedSql, new { RunId = runId }, db.Transaction,
            cancellationToken: ct))).ToArray();
        foreach (var batchNo in batches) await EnqueueAsync(runId, batchNo, TimeSpan.Zero, ct);
        return batches.Length;
    }

    public async Task EnqueueAsync(long runId, int batchNo, TimeSpan delay, CancellationToken ct)
    {
        if (await scheduler.EnqueueBatchAsync(runId, batchNo, delay, ct) is not { } jobId) return;
        await db.Connection.ExecuteAsync(new CommandDefinition(RecordSql, new { JobId = jobId, Now = clock.GetUtcNow(), RunId = runId, BatchNo = batchNo },
            db.Transaction, cancellationToken: ct));
    }
}
