using HireVet.Application.Vetting;
using Quartz;

namespace HireVet.Infrastructure.Jobs;

/// <summary>Stores a one-off trigger for the vetting job in the clustered job store; any node may run it. Requests are
/// coalesced: at most one trigger per <see cref="Window"/> on this node, each firing after every request it covers has
/// committed (the job drains everything pending), so 100 submissions a second cost a handful of triggers, not 100.</summary>
public sealed class QuartzVettingScheduler(ISchedulerFactory schedulers, TimeProvider clock) : IVettingScheduler
{
    public static readonly TimeSpan Window = TimeSpan.FromMilliseconds(200);

    private readonly Lock _gate = new();
    private DateTimeOffset _latestFireTime = DateTimeOffset.MinValue;

    public async Task RequestAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        DateTimeOffset fireAt;
        lock (_gate)
        {
            // A trigger still to fire will find what this request asks for: it was committed before now.
            if (_latestFireTime >= now) return;
            fireAt = _latestFireTime + Window > now ? _latestFireTime + Window : now;
            _latestFireTime = fireAt;
        }

        var scheduler = await schedulers.GetScheduler(ct);
        // A one-off trigger's default misfire policy fires it as soon as a thread is free.
        await scheduler.ScheduleJob(TriggerBuilder.Create().ForJob(VetPendingJob.Key).StartAt(fireAt).Build(), default, ct);
    }
}

/// <summary>With Jobs:Enabled=false (tests that vet explicitly) nothing is scheduled; candidates stay pending.</summary>
public sealed class DisabledVettingScheduler : IVettingScheduler
{
    public Task RequestAsync(CancellationToken ct) => Task.CompletedTask;
}
