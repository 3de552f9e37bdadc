namespace HireVet.Application.Monitoring;

/// <summary>Hands a re-screening run's batches to the clustered scheduler, one durable job each, so that every node
/// takes part and a batch whose node died is run by another.</summary>
public interface IRescreenScheduler
{
    Task ScheduleBatchesAsync(long runId, int batches, CancellationToken ct);

    /// <summary>A failed batch is tried again after a delay.</summary>
    Task RetryBatchAsync(long runId, int batchNo, TimeSpan delay, CancellationToken ct);
}
