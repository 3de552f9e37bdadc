using HireVet.Application.Audit;
using MediatR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HireVet.Infrastructure.Jobs;

/// <summary>Links committed audit records into the chain every Audit:ChainIntervalMs (250 by default) on every node; the
/// writer lock lets one node at a time do it, and a node that finds it taken skips that round. Not a Quartz job: a
/// trigger four times a second would make every node queue on the clustered store's lock row.</summary>
public sealed class AuditChainWriter(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<AuditChainWriter> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(configuration.GetValue("Audit:ChainIntervalMs", 250)));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ChainAuditRecords.Command(), stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The records wait in the queue; the next round links them.
                logger.LogWarning(e, "Linking audit records failed; retrying next round.");
            }
        }
    }
}
