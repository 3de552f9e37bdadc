using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.PostgreSql;
using HireVet.Application.Connectors;
using HireVet.Application.Jobs;
using HireVet.Application.Rescreening;
using HireVet.Application.Vetting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace HireVet.Infrastructure.Jobs;

/// <summary>Hangfire on the application's PostgreSQL, in its own schema, reached with the application's login, which may
/// read and write the rows of its tables and nothing more (decision 0054). The storage, the client and
/// the monitoring view are registered on every node (the dashboard and the jobs page read them); the servers, the
/// recurring jobs and the enqueuing adapters only where Jobs:Enabled.</summary>
public static class HangfireSetup
{
    public const string Schema = "hangfire";

    /// <summary>The queues HireVet's servers serve (the queue-depth metric reads each).</summary>
    public static readonly IReadOnlyList<string> Queues = [VetPendingJob.Queue, RescreenBatchJob.Queue, RecurringJobs.Maintenance, HangfireConnectorJobs.Queue];

    public static void AddHangfireJobs(this IServiceCollection services, JobSettings settings, string applicationConnectionString)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(applicationConnectionString) { ApplicationName = "hirevet-jobs", MaxPoolSize = 20 }.ConnectionString;
        var storage = new PostgreSqlStorage(new PooledConnectionFactory(connectionString), new PostgreSqlStorageOptions
        {
            SchemaName = Schema,
            // The migration runner installs the schema under its advisory lock: two nodes installing it at once fail.
            PrepareSchemaIfNecessary = false,
            StartupConnectionMaxRetries = 0,
            AllowDegradedModeWithoutStorage = false,
            QueuePollInterval = settings.QueuePoll,
            // Long polling is off: its LISTEN connection cannot reconnect when a password is used (a storage bug).
            EnableLongPolling = false,
            UseSlidingInvisibilityTimeout = true,
            InvisibilityTimeout = settings.Invisibility,
            // No job holds a storage lock: exclusion is PostgreSQL's (row locks, skip locked, advisory locks), so a lock
            // row a killed node or a dropped connection left behind only has to outlive Hangfire's own short sections.
            DistributedLockTimeout = settings.StorageLockTimeout,
        });
        services.AddSingleton<JobStorage>(storage);
        services.AddSingleton(settings);
        services.AddHangfire((sp, c) => c.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseStorage(storage)
            .UseLogProvider(new HostLogProvider(sp.GetRequiredService<ILoggerFactory>())));
        services.AddSingleton<ISchedulerInfo, HangfireSchedulerInfo>();
        JobTelemetry.Register();

        if (!settings.Enabled)
        {
            services.AddSingleton<IVettingScheduler, DisabledVettingScheduler>();
            services.AddSingleton<IRescreenScheduler, DisabledRescreenScheduler>();
            services.AddSingleton<IConnectorJobs, DisabledConnectorJobs>();
            return;
        }
        services.AddSingleton<IVettingScheduler, HangfireVettingScheduler>();
        services.AddSingleton<IRescreenScheduler, HangfireRescreenScheduler>();
        services.AddSingleton<IConnectorJobs, HangfireConnectorJobs>();
        // One server per queue: queues are served in name order, so one server for all would leave vetting waiting
        // behind a big re-screening run.
        AddServer(services, storage, settings, VetPendingJob.Queue, settings.VettingWorkers);
        AddServer(services, storage, settings, RescreenBatchJob.Queue, settings.RescreenWorkers);
        AddServer(services, storage, settings, RecurringJobs.Maintenance, settings.MaintenanceWorkers);
        AddServer(services, storage, settings, HangfireConnectorJobs.Queue, settings.ConnectorWorkers);
        services.AddHostedService<RecurringJobsRegistrar>();
    }

    private static void AddServer(IServiceCollection services, JobStorage storage, JobSettings settings, string queue, int workers) =>
        services.AddHangfireServer((sp, o) =>
        {
            o.ServerName = $"{settings.NodeName}-{queue}";
            o.Queues = [queue];
            o.WorkerCount = workers;
            // Not the process-wide static: several hosts in one process (tests) each activate from their own container.
            o.Activator = new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>());
            o.SchedulePollingInterval = settings.SchedulePolling;
            o.HeartbeatInterval = settings.Heartbeat;
            o.ServerTimeout = TimeSpan.FromMinutes(1);
            o.ServerCheckInterval = TimeSpan.FromSeconds(30);
            // Hangfire cancels running jobs 500 ms after a stop by default; a re-screening batch gets time to commit.
            o.StopTimeout = settings.StopTimeout;
            o.ShutdownTimeout = settings.StopTimeout + TimeSpan.FromSeconds(10);
        }, storage);

    /// <summary>Npgsql's process-wide pool for the connection string: the hosts of one process (tests) share it, and
    /// nothing is left to dispose.</summary>
    private sealed class PooledConnectionFactory(string connectionString) : IConnectionFactory
    {
        public NpgsqlConnection GetOrCreateConnection() => new(connectionString);
    }
}
