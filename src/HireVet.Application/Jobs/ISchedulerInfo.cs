namespace HireVet.Application.Jobs;

/// <summary>The job engine as this node sees it: recurring jobs, queues and every node's servers; and running a
/// recurring job now.</summary>
public interface ISchedulerInfo
{
    Task<ListSchedules.Response> ReadAsync(CancellationToken ct);

    /// <summary>Enqueues the recurring job now, outside its schedule. Returns the new job's id, or null when no such
    /// recurring job exists.</summary>
    Task<string?> TriggerAsync(string scheduleId, CancellationToken ct);
}
