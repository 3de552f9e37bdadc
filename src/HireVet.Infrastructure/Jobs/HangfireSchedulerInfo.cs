using Hangfire;
using Hangfire.Storage;
using HireVet.Application.Jobs;
using Microsoft.Extensions.Logging;

namespace HireVet.Infrastructure.Jobs;

/// <summary>The jobs page's view of the job engine, read from the shared storage through Hangfire's monitoring API:
/// any node, even one with jobs disabled, sees the whole cluster.</summary>
public sealed class HangfireSchedulerInfo(JobStorage storage, IRecurringJobManagerV2 recurring, JobSettings settings,
    ILogger<HangfireSchedulerInfo> logger) : ISchedulerInfo
{
    /// <summary>The job servers each node runs, by the suffix of their name.</summary>
    public static readonly string[] ServerKinds = [VetPendingJob.Queue, RescreenBatchJob.Queue, HangfireConnectorJobs.Queue, RecurringJobs.Maintenance];

    public Task<ListSchedules.Response> ReadAsync(CancellationToken ct)
    {
        var response = new ListSchedules.Response { Status = settings.Enabled ? "running" : "disabled", ThisNode = settings.NodeName };
        try
        {
            var monitoring = storage.GetMonitoringApi();
            using var connection = storage.GetConnection();
            return Task.FromResult(response with
            {
                Schedules = [.. connection.GetRecurringJobs().OrderBy(j => j.Id, StringComparer.Ordinal).Select(Schedule)],
                Queues = [.. ListSchedules.QueueNames.Select(q => new ListSchedules.Queue(q, monitoring.EnqueuedCount(q), monitoring.FetchedCount(q)))],
                Scheduled = monitoring.ScheduledCount(),
                Failed = monitoring.FailedCount(),
                Nodes = Nodes(monitoring.Servers()),
            });
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Reading the job storage failed.");
            return Task.FromResult(response with { Status = "unreachable" });
        }
    }

    public Task<string?> TriggerAsync(string scheduleId, CancellationToken ct) =>
        Task.FromResult(RecurringJobs.Find(scheduleId) is null ? null : recurring.TriggerJob(scheduleId));

    private static ListSchedules.Schedule Schedule(RecurringJobDto job) => new()
    {
        Name = job.Id,
        // The stored queue field predates queues carried by the job itself, and reads "default".
        Queue = RecurringJobs.Find(job.Id)?.Queue ?? job.Queue ?? "",
        Description = RecurringJobs.Find(job.Id)?.Description,
        Job = job.Job is { } call ? $"{call.Type.Name}.{call.Method.Name}" : "",
        Cron = job.Cron,
        TimeZone = job.TimeZoneId,
        PreviousFireAt = job.LastExecution is { } last ? new DateTimeOffset(last, TimeSpan.Zero) : null,
        NextFireAt = job.NextExecution is { } next ? new DateTimeOffset(next, TimeSpan.Zero) : null,
        State = job.Error is not null || job.LoadException is not null ? "error" : job.LastJobState is { } state ? state.ToLowerInvariant() : "never_run",
        Error = job.Error ?? job.LoadException?.Message,
    };

    private IReadOnlyList<ListSchedules.Node> Nodes(IList<Hangfire.Storage.Monitoring.ServerDto> servers)
    {
        var now = DateTime.UtcNow; // Hangfire stamps heartbeats with the system clock, not the app's TimeProvider
        return [.. servers
            .Select(s => (Server: s, Name: ServerName(s.Name)))
            .GroupBy(s => NodeOf(s.Name))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var oldest = g.Min(s => s.Server.Heartbeat ?? s.Server.StartedAt);
                return new ListSchedules.Node
                {
                    Name = g.Key,
                    IsThisNode = string.Equals(g.Key, settings.NodeName, StringComparison.OrdinalIgnoreCase),
                    Servers = [.. g.OrderBy(s => s.Name, StringComparer.Ordinal)
                        .Select(s => $"{s.Name} ({string.Join(", ", s.Server.Queues)}; {s.Server.WorkersCount} {(s.Server.WorkersCount == 1 ? "worker" : "workers")})")],
                    LastCheckIn = new DateTimeOffset(DateTime.SpecifyKind(oldest, DateTimeKind.Utc)),
                    CheckInInterval = settings.Heartbeat,
                    State = now - oldest <= 3 * settings.Heartbeat ? "alive" : "overdue",
                };
            })];
    }

    /// <summary>A server's id is "{name}:{process id}:{guid}", the name lower-cased.</summary>
    private static string ServerName(string serverId) => serverId.Split(':')[0];

    private static string NodeOf(string serverName) =>
        ServerKinds.Select(kind => "-" + kind).FirstOrDefault(serverName.EndsWith) is { } suffix ? serverName[..^suffix.Length] : serverName;
}
