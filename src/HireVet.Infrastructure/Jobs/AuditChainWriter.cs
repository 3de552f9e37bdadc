using HireVet.Application.Audit;
using HireVet.Infrastructure.Database;
using MediatR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace HireVet.Infrastructure.Jobs;

/// <summary>Links committed audit records into the chain on every node with jobs enabled. It sleeps until a command
/// commits an audit record (a trigger NOTIFYs 'audit_unchained', delivered on commit), with a slow fallback round
/// every Audit:ChainFallbackSeconds in case a notification was missed (the listening connection dropped). The
/// writer lock lets one node at a time link; a node that finds it taken skips that round, and the notification that
/// reached the busy node too makes it look again.</summary>
public sealed class AuditChainWriter(IServiceScopeFactory scopes, AppDataSource dataSource, IConfiguration configuration,
    ILogger<AuditChainWriter> logger) : BackgroundService
{
    public const string Channel = "audit_unchained";
    private static readonly TimeSpan BurstPause = TimeSpan.FromMilliseconds(20);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var fallback = TimeSpan.FromSeconds(configuration.GetValue("Audit:ChainFallbackSeconds", 10));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var listener = await dataSource.Value.OpenConnectionAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"listen {Channel}", listener)) await listen.ExecuteNonQueryAsync(stoppingToken);
                while (true)
                {
                    // Linked after listening, so a record committed before the LISTEN is not left for the fallback.
                    await LinkAsync(stoppingToken);
                    await listener.WaitAsync(fallback, stoppingToken);
                    // Each commit notifies once, and one round links everything committed before it starts: a short
                    // pause lets a burst of commits share a round, and a query reads (and so drops) the notifications
                    // that came meanwhile. One arriving after that query wakes the next wait at once.
                    await Task.Delay(BurstPause, stoppingToken);
                    await using var drain = new NpgsqlCommand("select 1", listener);
                    await drain.ExecuteNonQueryAsync(stoppingToken);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "The audit chain writer lost its connection; reconnecting.");
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    private async Task LinkAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ChainAuditRecords.Command(), ct);
    }
}
