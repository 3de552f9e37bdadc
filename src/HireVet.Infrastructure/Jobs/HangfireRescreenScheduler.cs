using Hangfire;
using Hangfire.States;
using HireVet.Application.Rescreening;

namespace HireVet.Infrastructure.Jobs;

/// <summary>Each batch of a re-screening run is a background job on the re-screening queue, which only the nodes'
/// re-screening servers take, so a big run never holds up vetting. When the node running a batch dies, the job
/// becomes visible to the others again once its invisibility timeout has passed.</summary>
public sealed class HangfireRescreenScheduler(IBackgroundJobClient jobs, JobStorage storage) : IRescreenScheduler
{
    private static readonly HashSet<string> Alive = [EnqueuedState.StateName, ScheduledState.StateName, ProcessingState.StateName, AwaitingState.StateName];

    public Task<string?> EnqueueBatchAsync(long runId, int batchNo, TimeSpan delay, CancellationToken ct) =>
        Task.FromResult<string?>(delay <= TimeSpan.Zero
            ? jobs.Enqueue<RescreenBatchJob>(RescreenBatchJob.Queue, j => j.RunAsync(runId, batchNo, CancellationToken.None))
            : jobs.Schedule<RescreenBatchJob>(RescreenBatchJob.Queue, j => j.RunAsync(runId, batchNo, CancellationToken.None), delay));

    public Task<IReadOnlySet<string>> GoneAsync(IReadOnlyCollection<string> jobIds, CancellationToken ct)
    {
        using var connection = storage.GetConnection();
        IReadOnlySet<string> gone = jobIds.Where(id => connection.GetJobData(id) is not { } job || !Alive.Contains(job.State)).ToHashSet();
        return Task.FromResult(gone);
    }
}

/// <summary>With Jobs:Enabled=false (tests that drive the batches themselves) runs are stored but not enqueued.</summary>
public sealed class DisabledRescreenScheduler : IRescreenScheduler
{
    public Task<string?> EnqueueBatchAsync(long runId, int batchNo, TimeSpan delay, CancellationToken ct) => Task.FromResult<string?>(null);
    public Task<IReadOnlySet<string>> GoneAsync(IReadOnlyCollection<string> jobIds, CancellationToken ct) =>
        Task.FromResult<IReadOnlySet<string>>(new HashSet<string>());
}
