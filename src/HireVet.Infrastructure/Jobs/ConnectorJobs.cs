using Dapper;
using Hangfire;
using HireVet.Application.Common.Data;
using HireVet.Application.Connectors;

namespace HireVet.Infrastructure.Jobs;

/// <summary>Connector work on its own queue (and its own workers), so a long pull never holds up vetting or the
/// maintenance jobs: a pull per identity-provider connector, and the fetch an ATS webhook asked for.</summary>
public sealed class HangfireConnectorJobs(IBackgroundJobClient jobs) : IConnectorJobs
{
    public const string Queue = "connectors";

    public Task PullAsync(long connectorId, CancellationToken ct)
    {
        jobs.Enqueue<PullConnectorJob>(Queue, j => j.RunAsync(connectorId, CancellationToken.None));
        return Task.CompletedTask;
    }

    public Task SyncAtsRecordAsync(long connectorId, string atsId, CancellationToken ct)
    {
        jobs.Enqueue<SyncAtsRecordJob>(Queue, j => j.RunAsync(connectorId, atsId, CancellationToken.None));
        return Task.CompletedTask;
    }
}

/// <summary>With Jobs:Enabled=false nothing is enqueued: pulls and fetches wait for a node that runs jobs.</summary>
public sealed class DisabledConnectorJobs : IConnectorJobs
{
    public Task PullAsync(long connectorId, CancellationToken ct) => Task.CompletedTask;
    public Task SyncAtsRecordAsync(long connectorId, string atsId, CancellationToken ct) => Task.CompletedTask;
}

/// <summary>Recurring (Jobs:ConnectorPullCron, every minute): a pull job for each active identity-provider connector.
/// A connector whose previous pull still runs is skipped by that pull's lease.</summary>
[AutomaticRetry(Attempts = 0)]
public sealed class PullConnectorsJob(IDbSession db, IConnectorJobs jobs)
{
    public async Task RunAsync(CancellationToken ct)
    {
        var ids = await db.Connection.QueryAsync<long>(new CommandDefinition(
            "select id from connectors where status = 'active' and kind in ('okta', 'entra') order by id", cancellationToken: ct));
        foreach (var id in ids) await jobs.PullAsync(id, ct);
    }
}

/// <summary>One pull (<see cref="PullSignIns"/>). Not retried: a failure is recorded on the connector and the next
/// minute's pull starts again from the stored cursor.</summary>
[AutomaticRetry(Attempts = 0)]
[KeepFinished(Minutes = 10)]
public sealed class PullConnectorJob(PullSignIns pull)
{
    public Task RunAsync(long connectorId, CancellationToken ct) => pull.RunAsync(connectorId, ct);
}

/// <summary>The fetch of one ATS record (<see cref="SyncAtsRecord"/>); retried by the job engine when the vendor fails.</summary>
[AutomaticRetry(Attempts = 5)]
[KeepFinished(Minutes = 10)]
public sealed class SyncAtsRecordJob(SyncAtsRecord sync)
{
    public Task RunAsync(long connectorId, string atsId, CancellationToken ct) => sync.RunAsync(connectorId, atsId, ct);
}
