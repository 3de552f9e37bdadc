namespace HireVet.Application.Rescreening;

/// <summary>Hands re-screening batches to the job engine, one background job each, which any node's re-screening
/// server runs. The job is only a delivery hint: the batch's state is in rescreen_batches, and
/// <see cref="SweepRescreenBatches"/> enqueues again a batch whose job was never enqueued or is gone.</summary>
public interface IRescreenScheduler
{
    /// <summary>Enqueues one batch, to run after <paramref name="delay"/> (zero: now). Returns the job's id, or null
    /// when this node does not enqueue jobs (Jobs:Enabled=false).</summary>
    Task<string?> EnqueueBatchAsync(long runId, int batchNo, TimeSpan delay, CancellationToken ct);

    /// <summary>Of these jobs, the ones that will never run again: finished, failed, deleted or expired.</summary>
    Task<IReadOnlySet<string>> GoneAsync(IReadOnlyCollection<string> jobIds, CancellationToken ct);
}
