using Hangfire;

namespace HireVet.Infrastructure.Jobs;

/// <summary>Every recurring job HireVet runs, with the setting that holds its cron expression (seconds first, UTC) and
/// what happens to runs missed while no node was up. Missed sweeps, folds and walks are dropped (Ignorable), since
/// the next one covers the same ground; a missed re-screening runs once when a node is back (Relaxed), so a night
/// when the cluster was down is caught up instead of skipped.</summary>
public static class RecurringJobs
{
    public sealed record Definition(string Id, string Description, string Queue, string CronSetting, string DefaultCron,
        MisfireHandlingMode Misfire, Action<IRecurringJobManagerV2, Definition, string, RecurringJobOptions> Register);

    public const string Maintenance = "maintenance";

    public static readonly IReadOnlyList<Definition> All =
    [
        new("sweep-pending-vetting", "Vetting sweep: ask again for candidates pending too long", Maintenance, "SweepCron", "0 * * * * ?",
            MisfireHandlingMode.Ignorable, (m, d, cron, o) => m.AddOrUpdate<SweepPendingVettingJob>(d.Id, d.Queue, j => j.RunAsync(CancellationToken.None), cron, o)),
        new("sweep-rescreen-batches", "Re-screening sweep: enqueue again batches whose job was lost", Maintenance, "RescreenSweepCron", "30 * * * * ?",
            MisfireHandlingMode.Ignorable, (m, d, cron, o) => m.AddOrUpdate<SweepRescreenBatchesJob>(d.Id, d.Queue, j => j.RunAsync(CancellationToken.None), cron, o)),
        new("rescreen-nightly", "Nightly incremental re-screening", Maintenance, "RescreenCron", "0 0 2 * * ?",
            MisfireHandlingMode.Relaxed, (m, d, cron, o) => m.AddOrUpdate<StartRescreenJob>(d.Id, d.Queue, j => j.RunAsync("incremental", null, CancellationToken.None), cron, o)),
        new("rescreen-weekly", "Weekly full re-screening", Maintenance, "FullRescreenCron", "0 0 3 ? * SUN",
            MisfireHandlingMode.Relaxed, (m, d, cron, o) => m.AddOrUpdate<StartRescreenJob>(d.Id, d.Queue, j => j.RunAsync("full", null, CancellationToken.None), cron, o)),
        new("fold-dashboard-counts", "Dashboard: fold the candidates' appended count changes into the counts", Maintenance, "DashboardFoldCron", "0 * * * * ?",
            MisfireHandlingMode.Ignorable, (m, d, cron, o) => m.AddOrUpdate<FoldDashboardCountsJob>(d.Id, d.Queue, j => j.RunAsync(CancellationToken.None), cron, o)),
        new("walk-audit-chain", "Audit: walk the whole hash chain and record the result", Maintenance, "AuditWalkCron", "0 30 * * * ?",
            MisfireHandlingMode.Ignorable, (m, d, cron, o) => m.AddOrUpdate<WalkAuditChainJob>(d.Id, d.Queue, j => j.RunAsync(CancellationToken.None), cron, o)),
        new("sign-audit-checkpoint", "Audit: sign a checkpoint of the trail when it grew (needs Audit:SigningKeyFile)", Maintenance, "AuditCheckpointCron", "0 */10 * * * ?",
            MisfireHandlingMode.Ignorable, (m, d, cron, o) => m.AddOrUpdate<SignAuditCheckpointJob>(d.Id, d.Queue, j => j.RunAsync(CancellationToken.None), cron, o)),
        new("pull-connectors", "Connectors: pull the identity providers' sign-ins", Maintenance, "ConnectorPullCron", "15 * * * * ?",
            MisfireHandlingMode.Ignorable, (m, d, cron, o) => m.AddOrUpdate<PullConnectorsJob>(d.Id, d.Queue, j => j.RunAsync(CancellationToken.None), cron, o)),
        new("purge-sign-in-attempts", "Sign-in: delete attempts older than the retention", Maintenance, "SignInAttemptsPurgeCron", "0 15 4 * * ?",
            MisfireHandlingMode.Ignorable, (m, d, cron, o) => m.AddOrUpdate<PurgeSignInAttemptsJob>(d.Id, d.Queue, j => j.RunAsync(CancellationToken.None), cron, o)),
    ];

    public static Definition? Find(string id) => All.FirstOrDefault(d => d.Id == id);
}
