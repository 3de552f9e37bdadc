using HireVet.Application.Monitoring;
using Quartz;

namespace HireVet.Infrastructure.Jobs;

/// <summary>The jobs page's view of the clustered scheduler, read through Quartz's own listing API.</summary>
public sealed class QuartzSchedulerInfo(ISchedulerFactory schedulers) : ISchedulerInfo
{
    public async Task<ListSchedules.Response> ReadAsync(CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        var status = await scheduler.GetStatus(ct);
        var response = new ListSchedules.Response { Status = Words(status.ToString()), ThisNode = scheduler.SchedulerInstanceId };
        if (status is SchedulerStatus.ShuttingDown or SchedulerStatus.Shutdown) return response;

        // Re-screening batches and vetting requests are one-off triggers, thousands of them during a big run: they are
        // counted from the listing, and only the schedules are loaded whole (for their cron expression or interval).
        var headers = (await scheduler.QueryTriggers(new TriggerQuery { Take = PagedQuery.All }, ct)).Items;
        var schedules = headers.Where(h => !QuartzRescreenScheduler.IsBatch(h.JobKey) && !h.JobKey.Equals(VetPendingJob.Key)).ToArray();
        var triggers = (await scheduler.GetTriggers([.. schedules.Select(h => h.Key)], ct)).ToDictionary(t => t.Key);
        var nodes = await scheduler.QueryClusterNodes(ct);

        return response with
        {
            Schedules = [.. schedules.Select(h => Schedule(h, triggers.GetValueOrDefault(h.Key)))],
            QueuedBatches = headers.Count(h => QuartzRescreenScheduler.IsBatch(h.JobKey)),
            QueuedVettingRequests = headers.Count(h => h.JobKey.Equals(VetPendingJob.Key)),
            Nodes = [.. nodes.Select(n => new ListSchedules.Node
            {
                Name = n.InstanceId, IsThisNode = n.IsCurrentNode, LastCheckIn = n.LastCheckInUtc, CheckInInterval = n.CheckInInterval,
                State = Words(n.State.ToString()),
            })],
        };
    }

    private static ListSchedules.Schedule Schedule(TriggerHeader header, ITrigger? trigger) => new()
    {
        Name = header.Key.Name,
        Group = header.Key.Group,
        Description = header.Description,
        Job = header.JobKey.ToString(),
        Cron = (trigger as ICronTrigger)?.CronExpressionString,
        TimeZone = (trigger as ICronTrigger)?.TimeZone.Id,
        Interval = (trigger as ISimpleTrigger)?.RepeatInterval,
        PreviousFireAt = header.PreviousFireTimeUtc,
        NextFireAt = header.NextFireTimeUtc,
        State = Words(header.State.ToString()),
    };

    /// <summary>"ShuttingDown" → "shutting_down", like the codes HireVet stores.</summary>
    private static string Words(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "_" : "") + char.ToLowerInvariant(c) : c.ToString()));
}

/// <summary>With Jobs:Enabled=false this node has no scheduler: nothing fires here, and runs started here are not scheduled.</summary>
public sealed class DisabledSchedulerInfo : ISchedulerInfo
{
    public Task<ListSchedules.Response> ReadAsync(CancellationToken ct) => Task.FromResult(new ListSchedules.Response { Status = "disabled" });
}
