using HireVet.Application.Vetting;
using Quartz;

namespace HireVet.Infrastructure.Jobs;

/// <summary>Stores a one-off trigger for the vetting job in the clustered job store; any node may run it.</summary>
public sealed class QuartzVettingScheduler(ISchedulerFactory schedulers) : IVettingScheduler
{
    public async Task ScheduleAsync(long candidateId, CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        await scheduler.TriggerJob(VetCandidateJob.Key, new JobDataMap { [VetCandidateJob.CandidateIdKey] = candidateId }, ct);
    }
}

/// <summary>With Jobs:Enabled=false (tests that vet explicitly) nothing is scheduled; candidates stay pending.</summary>
public sealed class DisabledVettingScheduler : IVettingScheduler
{
    public Task ScheduleAsync(long candidateId, CancellationToken ct) => Task.CompletedTask;
}
