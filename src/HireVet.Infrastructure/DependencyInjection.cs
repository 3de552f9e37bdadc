using Dapper;
using HireVet.Application.Common.Data;
using HireVet.Application.Common.Security;
using HireVet.Application.Vetting;
using HireVet.Infrastructure.Database;
using HireVet.Application.ReferenceData;
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
        services.AddSingleton(sp => new MigrationRunner(connectionString, sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<MigrationRunner>>()));

        services.AddDataProtection().SetApplicationName("HireVet");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(o =>
            o.XmlRepository = new PostgresXmlRepository(() => sp.GetRequiredService<AppDataSource>().Value)));
        services.AddSingleton<ISensitiveData, SensitiveData>();

        services.AddSingleton(sp => ReferenceDataOptions.From(configuration,
            sp.GetRequiredService<Microsoft.Extensions.Hosting.IHostEnvironment>().ContentRootPath));
        services.AddSingleton<ReferenceDataCatalog>();
        services.AddSingleton<ReferenceDataStore>();
        services.AddSingleton<IReferenceData>(sp => sp.GetRequiredService<ReferenceDataStore>());
        services.AddHostedService(sp => sp.GetRequiredService<ReferenceDataStore>());

        if (configuration.GetValue("Jobs:Enabled", true)) AddJobs(services, configuration, connectionString);
        else services.AddSingleton<IVettingScheduler, DisabledVettingScheduler>();
        return services;
    }

    private static void AddJobs(IServiceCollection services, IConfiguration configuration, string connectionString)
    {
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o => o.InstanceName = "hirevet");
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
                .WithCronSchedule(configuration["Jobs:SweepCron"] ?? "0 * * * * ?", c => c.WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing)));
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        services.AddHostedService<AuditChainWriter>();
        services.AddSingleton<IVettingScheduler, QuartzVettingScheduler>();
    }
}
