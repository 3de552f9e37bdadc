using Microsoft.Extensions.Configuration;

namespace HireVet.Infrastructure.Jobs;

/// <summary>The Jobs:* settings, read once at start-up. README, Configuration, gives each default and why.</summary>
public sealed record JobSettings
{
    /// <summary>Whether this node runs job servers and enqueues jobs. The command line and tests that drive the work
    /// themselves turn it off.</summary>
    public bool Enabled { get; init; } = true;
    /// <summary>This node's name: its job servers are "{node}-vetting" and so on, and re-screening batches record it.</summary>
    public string NodeName { get; init; } = Environment.MachineName;
    public int VettingWorkers { get; init; } = 2;
    public int RescreenWorkers { get; init; } = 4;
    public int MaintenanceWorkers { get; init; } = 1;
    public int ConnectorWorkers { get; init; } = 2;
    /// <summary>How often an idle worker looks for a job another node enqueued (a job enqueued on this node wakes
    /// this node's workers at once).</summary>
    public TimeSpan QueuePoll { get; init; } = TimeSpan.FromSeconds(2);
    /// <summary>How long a job a node took stays invisible to the others while its heartbeat keeps it so: after a
    /// kill -9, about this long until another node runs it.</summary>
    public TimeSpan Invisibility { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>How often each node looks for a recurring or delayed job that is due.</summary>
    public TimeSpan SchedulePolling { get; init; } = TimeSpan.FromSeconds(5);
    /// <summary>How long a stopping node lets running jobs finish before cancelling them.</summary>
    public TimeSpan StopTimeout { get; init; } = TimeSpan.FromSeconds(20);
    public TimeSpan Heartbeat { get; init; } = TimeSpan.FromSeconds(10);
    /// <summary>When a lock row of Hangfire's own is taken for abandoned. A row is left behind not only by a killed node
    /// but by any connection that drops while holding one (a database restart), and while the scheduler's row stays,
    /// no recurring job fires anywhere; Hangfire's critical sections last milliseconds.</summary>
    public TimeSpan StorageLockTimeout { get; init; } = TimeSpan.FromSeconds(30);
    public TimeSpan WebhookPoll { get; init; } = TimeSpan.FromSeconds(5);
    public TimeSpan StalePending { get; init; } = TimeSpan.FromSeconds(120);
    public TimeSpan RescreenSweepGrace { get; init; } = TimeSpan.FromSeconds(60);
    /// <summary>Cron expressions (seconds first, UTC) by recurring job id.</summary>
    public IReadOnlyDictionary<string, string> Crons { get; init; } = new Dictionary<string, string>();

    public static JobSettings From(IConfiguration configuration)
    {
        var jobs = configuration.GetSection("Jobs");
        return new JobSettings
        {
            Enabled = jobs.GetValue("Enabled", true),
            NodeName = jobs["NodeName"] is { Length: > 0 } node ? node : Environment.MachineName,
            VettingWorkers = jobs.GetValue("VettingWorkers", 2),
            RescreenWorkers = jobs.GetValue("RescreenWorkers", 4),
            MaintenanceWorkers = jobs.GetValue("MaintenanceWorkers", 1),
            ConnectorWorkers = jobs.GetValue("ConnectorWorkers", 2),
            QueuePoll = TimeSpan.FromMilliseconds(jobs.GetValue("QueuePollMs", 2000)),
            Invisibility = TimeSpan.FromSeconds(jobs.GetValue("InvisibilitySeconds", 30)),
            SchedulePolling = TimeSpan.FromSeconds(jobs.GetValue("SchedulePollingSeconds", 5)),
            StopTimeout = TimeSpan.FromSeconds(jobs.GetValue("StopTimeoutSeconds", 20)),
            Heartbeat = TimeSpan.FromSeconds(jobs.GetValue("HeartbeatSeconds", 10)),
            StorageLockTimeout = TimeSpan.FromSeconds(jobs.GetValue("StorageLockTimeoutSeconds", 30)),
            WebhookPoll = TimeSpan.FromSeconds(jobs.GetValue("WebhookPollSeconds", 5)),
            StalePending = TimeSpan.FromSeconds(jobs.GetValue("StalePendingSeconds", 120)),
            RescreenSweepGrace = TimeSpan.FromSeconds(jobs.GetValue("RescreenSweepGraceSeconds", 60)),
            Crons = RecurringJobs.All.ToDictionary(j => j.Id, j => jobs[j.CronSetting] is { Length: > 0 } cron ? cron : j.DefaultCron),
        };
    }
}
