using Hangfire;
using HireVet.Application.Vetting;
using Microsoft.Extensions.Logging;

namespace HireVet.Infrastructure.Jobs;

/// <summary>Enqueues the vetting job on the vetting queue; any node's vetting server may run it, and this node's at
/// once. Requests are coalesced: at most one job per <see cref="Window"/> on this node. A request inside the window
/// leaves one enqueue due at the window's end, which covers it (it committed before), so 100 submissions a second
/// cost a handful of jobs, not 100. A failed enqueue only delays vetting: the candidates stay pending and the sweep
/// asks again.</summary>
public sealed class HangfireVettingScheduler(IBackgroundJobClient jobs, TimeProvider clock, ILogger<HangfireVettingScheduler> logger)
    : IVettingScheduler
{
    public static readonly TimeSpan Window = TimeSpan.FromMilliseconds(200);

    private readonly Lock _gate = new();
    private DateTimeOffset _lastEnqueue = DateTimeOffset.MinValue;
    private bool _enqueueDue;

    public Task RequestAsync(CancellationToken ct)
    {
        TimeSpan wait;
        lock (_gate)
        {
            if (_enqueueDue) return Task.CompletedTask;
            var now = clock.GetUtcNow();
            wait = _lastEnqueue == DateTimeOffset.MinValue ? TimeSpan.Zero : _lastEnqueue + Window - now;
            if (wait <= TimeSpan.Zero)
            {
                _lastEnqueue = now;
                wait = TimeSpan.Zero;
            }
            else _enqueueDue = true;
        }
        if (wait == TimeSpan.Zero) Enqueue();
        else _ = EnqueueAfterAsync(wait);
        return Task.CompletedTask;
    }

    private async Task EnqueueAfterAsync(TimeSpan wait)
    {
        await Task.Delay(wait, clock);
        lock (_gate)
        {
            // Cleared before enqueuing: a request from now on is not covered by this job's start, so it asks anew.
            _enqueueDue = false;
            _lastEnqueue = clock.GetUtcNow();
        }
        Enqueue();
    }

    private void Enqueue()
    {
        try
        {
            jobs.Enqueue<VetPendingJob>(VetPendingJob.Queue, j => j.RunAsync(CancellationToken.None));
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Enqueuing vetting failed; the sweep asks again for candidates left pending.");
        }
    }
}

/// <summary>With Jobs:Enabled=false (tests that vet explicitly) nothing is enqueued; candidates stay pending.</summary>
public sealed class DisabledVettingScheduler : IVettingScheduler
{
    public Task RequestAsync(CancellationToken ct) => Task.CompletedTask;
}
