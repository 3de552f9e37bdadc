using System.Globalization;
using System.Text.RegularExpressions;
using HireVet.Application.Monitoring;
using Quartz;

namespace HireVet.Infrastructure.Jobs;

/// <summary>Each batch of a re-screening run is a durable job in the clustered store, marked for recovery: any node
/// picks it up, and when the node running it dies the cluster hands it to another (the batch's own transaction makes
/// the second run safe).</summary>
public sealed partial class QuartzRescreenScheduler(ISchedulerFactory schedulers) : IRescreenScheduler
{
    public const string Group = "rescreen";

    public async Task ScheduleBatchesAsync(long runId, int batches, CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        var jobs = new Dictionary<IJobDetail, IReadOnlyCollection<ITrigger>>();
        for (var batch = 1; batch <= batches; batch++)
        {
            var job = Job(runId, batch);
            jobs[job] = [TriggerBuilder.Create().ForJob(job).WithIdentity(job.Key.Name, Group).StartNow().Build()];
        }
        await scheduler.ScheduleJobs(jobs, new ScheduleJobOptions { Replace = true }, ct);
    }

    public async Task RetryBatchAsync(long runId, int batchNo, TimeSpan delay, CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        var job = Job(runId, batchNo);
        var retry = TriggerBuilder.Create().ForJob(job).WithIdentity($"{job.Key.Name}-retry-{Guid.NewGuid():N}", Group)
            .StartAt(DateTimeOffset.UtcNow + delay).Build();
        await scheduler.ScheduleJobs(new Dictionary<IJobDetail, IReadOnlyCollection<ITrigger>> { [job] = [retry] }, new ScheduleJobOptions { Replace = true }, ct);
    }

    /// <summary>Whether a job is one run's batch (named by <see cref="Job"/>), not one of the group's durable jobs.</summary>
    public static bool IsBatch(JobKey key) => key.Group == Group && BatchName().IsMatch(key.Name);

    [GeneratedRegex(@"^rescreen-\d+-\d+$")]
    private static partial Regex BatchName();

    private static IJobDetail Job(long runId, int batchNo) => JobBuilder.Create<RescreenBatchJob>()
        .WithIdentity($"rescreen-{runId}-{batchNo}", Group)
        .UsingJobData(RescreenBatchJob.RunIdKey, runId.ToString(CultureInfo.InvariantCulture))
        .UsingJobData(RescreenBatchJob.BatchNoKey, batchNo)
        .RequestRecovery()
        .Build();
}

/// <summary>With Jobs:Enabled=false (tests that drive the batches themselves) runs are stored but not scheduled.</summary>
public sealed class DisabledRescreenScheduler : IRescreenScheduler
{
    public Task ScheduleBatchesAsync(long runId, int batches, CancellationToken ct) => Task.CompletedTask;
    public Task RetryBatchAsync(long runId, int batchNo, TimeSpan delay, CancellationToken ct) => Task.CompletedTask;
}
