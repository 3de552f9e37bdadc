using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HireVet.Infrastructure.Jobs;

/// <summary>Writes every recurring job with this node's cron settings into the shared storage when the node starts, and
/// removes recurring jobs no longer defined (they would otherwise fire forever). A write waits on a per-job lock row
/// that a killed node can leave behind for up to the storage's lock timeout, so it is retried until it succeeds.</summary>
public sealed class RecurringJobsRegistrar(IRecurringJobManagerV2 manager, JobStorage storage, JobSettings settings,
    ILogger<RecurringJobsRegistrar> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                Register();
                return;
            }
            // A malformed cron setting (ArgumentException) stops the node at start-up instead of being retried.
            catch (Exception e) when (e is not ArgumentException && !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Registering the recurring jobs failed (attempt {Attempt}); retrying.", attempt);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, 2 * attempt)), stoppingToken);
            }
        }
    }

    private void Register()
    {
        foreach (var job in RecurringJobs.All)
            job.Register(manager, job, settings.Crons[job.Id], new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc, MisfireHandling = job.Misfire });
        using var connection = storage.GetConnection();
        foreach (var stale in connection.GetRecurringJobs().Where(j => RecurringJobs.Find(j.Id) is null))
        {
            manager.RemoveIfExists(stale.Id);
            logger.LogInformation("Removed the recurring job {Id}, which this version no longer defines.", stale.Id);
        }
    }
}
