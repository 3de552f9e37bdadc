using Dapper;
using HireVet.Application.Common.Data;
using HireVet.Application.Common.Security;
using HireVet.Application.Monitoring;
using HireVet.Application.Vetting;
using HireVet.Infrastructure.Database;
using HireVet.Application.ReferenceData;
using HireVet.Application.Vetting.Catalogue;
using HireVet.Infrastructure.Jobs;
using HireVet.Infrastructure.ReferenceData;
using HireVet.Infrastructure.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Quartz;

namespace HireVet.Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        DefaultTypeMap.MatchNamesWithUnderscores = true;
        var connectionString = ConnectionStrings.FromUrlOrConnectionString(configuration.GetConnectionString("HireVet")
            ?? throw new InvalidOperationException("ConnectionStrings:HireVet (or HIREVET_DATABASE_URL) is not set."));

        services.AddSingleton(new AppDataSource(connectionString));
        services.AddScoped<DbSession>();
        services.AddScoped<IDbSession>(sp => sp.GetRequiredService<DbSession>());
        services.AddScoped<IBulkCopy, NpgsqlBulkCopy>();
        services.AddSingleton(sp => new MigrationRunner(connectionString, sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<MigrationRunner>>()));

        services.AddDataProtection().SetApplicationName("HireVet");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(o =>
            o.XmlRepository = new PostgresXmlRepository(() => sp.GetRequiredService<AppDataSource>().Value)));
        services.AddSingleton<ISensitiveData, SensitiveData>();

        services.AddSingleton(sp => ReferenceDataOptions.From(configuration,
            sp.GetRequiredService<Microsoft.Extensions.Hosting.IHostEnvironment>().ContentRootPath));
        services.AddSingleton<ReferenceDataCatalog>();
        services.AddSingleton<IIndicatorCatalogue>(sp => IndicatorCatalogueFile.Load(sp.GetRequiredService<ReferenceDataOptions>().IndicatorCatalogue));
        services.AddSingleton<ReferenceDataStore>();
        services.AddSingleton<IReferenceData>(sp => sp.GetRequiredService<ReferenceDataStore>());
        services.AddHostedService(sp => sp.GetRequiredService<ReferenceDataStore>());

        services.AddHttpClient(HttpWebhookSender.ClientName, c => c.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton<IWebhookSender, HttpWebhookSender>();
        if (configuration.GetValue("Jobs:Enabled", true)) AddJobs(services, configuration, connectionString);
        else
        {
            services.AddSingleton<IVettingScheduler, DisabledVettingScheduler>();
            services.AddSingleton<IRescreenScheduler, DisabledRescreenScheduler>();
            services.AddSingleton<ISchedulerInfo, DisabledSchedulerInfo>();
        }
        return services;
    }

    private static void AddJobs(IServiceCollection services, IConfiguration configuration, string connectionString)
    {
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o =>
            {
                o.InstanceName = "hirevet";
                // Each node's id in the cluster (and in rescreen_batches.node); generated from host name and time when unset.
                if (configuration["Jobs:NodeName"] is { Length: > 0 } node) o.InstanceId = node;
            });
            q.UsePersistentStore(store =>
            {
                store.UsePostgres(connectionString);
                store.UseClustering(c =>
                {
                    c.CheckinInterval = TimeSpan.FromSeconds(5);
                    c.CheckinMisfireThreshold = TimeSpan.FromSeconds(10);
                });
                store.ProvisionSchema();
            });
            q.AddJob<VetPendingJob>(j => j.WithIdentity(VetPendingJob.Key).StoreDurably());
            q.AddJob<SweepPendingVettingJob>(j => j.WithIdentity(SweepPendingVettingJob.Key).StoreDurably());
            // A missed sweep is not caught up: the next one covers the same ground.
            q.AddTrigger(t => t.ForJob(SweepPendingVettingJob.Key).WithIdentity("sweep-pending-vetting", "vetting")
                .WithDescription("Vetting sweep: ask again for candidates pending too long")
                .WithCronSchedule(configuration["Jobs:SweepCron"] ?? "0 * * * * ?", c => c.WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing)));

            // Re-screening: incremental every night, full every week (cron expressions in Quartz's syntax, UTC).
            q.AddJob<RescreenBatchJob>(j => j.WithIdentity("rescreen-batch", QuartzRescreenScheduler.Group).StoreDurably());
            q.AddJob<StartRescreenJob>(j => j.WithIdentity(StartRescreenJob.Key).StoreDurably());
            q.AddTrigger(t => t.ForJob(StartRescreenJob.Key).WithIdentity(NightlyTrigger, QuartzRescreenScheduler.Group)
                .WithDescription("Nightly incremental re-screening")
                .UsingJobData(StartRescreenJob.KindKey, "incremental")
                .WithCronSchedule(configuration["Jobs:RescreenCron"] ?? "0 0 2 * * ?", c => c.InTimeZone(TimeZoneInfo.Utc).WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing)));
            q.AddTrigger(t => t.ForJob(StartRescreenJob.Key).WithIdentity(WeeklyTrigger, QuartzRescreenScheduler.Group)
                .WithDescription("Weekly full re-screening")
                .UsingJobData(StartRescreenJob.KindKey, "full")
                .WithCronSchedule(configuration["Jobs:FullRescreenCron"] ?? "0 0 3 ? * SUN", c => c.InTimeZone(TimeZoneInfo.Utc).WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing)));
            q.AddJob<DeliverWebhooksJob>(j => j.WithIdentity(DeliverWebhooksJob.Key).StoreDurably());
            q.AddTrigger(t => t.ForJob(DeliverWebhooksJob.Key).WithIdentity("deliver-webhooks", "webhooks")
                .WithDescription("Webhook delivery: send the events that are due")
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(configuration.GetValue("Jobs:WebhookPollSeconds", 5))).RepeatForever()));
            q.AddJob<FoldDashboardCountsJob>(j => j.WithIdentity(FoldDashboardCountsJob.Key).StoreDurably());
            q.AddTrigger(t => t.ForJob(FoldDashboardCountsJob.Key).WithIdentity("fold-dashboard-counts", "dashboard")
                .WithDescription("Dashboard: fold the candidates' appended count changes into the counts")
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(configuration.GetValue("Jobs:DashboardFoldSeconds", 60))).RepeatForever()));
            // A missed walk is not caught up: the next one walks the same chain and more.
            q.AddJob<WalkAuditChainJob>(j => j.WithIdentity(WalkAuditChainJob.Key).StoreDurably());
            q.AddTrigger(t => t.ForJob(WalkAuditChainJob.Key).WithIdentity("walk-audit-chain", "audit")
                .WithDescription("Audit: walk the whole hash chain and record the result")
                .WithCronSchedule(configuration["Jobs:AuditWalkCron"] ?? "0 30 * * * ?", c => c.InTimeZone(TimeZoneInfo.Utc).WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing)));
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        services.AddHostedService<AuditChainWriter>();
        services.AddSingleton<IVettingScheduler, QuartzVettingScheduler>();
        services.AddSingleton<IRescreenScheduler, QuartzRescreenScheduler>();
        services.AddSingleton<ISchedulerInfo, QuartzSchedulerInfo>();
    }

    public const string NightlyTrigger = "rescreen-nightly";
    public const string WeeklyTrigger = "rescreen-weekly";
}
