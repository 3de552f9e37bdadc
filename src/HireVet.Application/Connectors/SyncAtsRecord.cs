using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace HireVet.Application.Connectors;

/// <summary>The background half of an ATS webhook: reads the record's current state through the vendor's API (so
/// retried and out-of-order deliveries all end in the newest state) and stores it (<see cref="StoreAtsRecord"/>).
/// A vendor failure is recorded on the connector and thrown, so the job engine retries.</summary>
public sealed class SyncAtsRecord(IServiceScopeFactory scopes, IVendorClients vendors, TimeProvider clock)
{
    public async Task RunAsync(long connectorId, string atsId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var connector = await scope.ServiceProvider.GetRequiredService<ConnectorStore>().FindAsync(connectorId, ct);
        if (connector is not { Status: "active" }) return; // paused or removed since the delivery: nothing is fetched
        var fetchedAt = clock.GetUtcNow();
        Dossiers.Dossier? dossier;
        try { dossier = await vendors.Ats(connector).FetchAsync(atsId, ct); }
        catch (Exception e) when (e is HttpRequestException or ConnectorException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            await using var failure = scopes.CreateAsyncScope();
            await failure.ServiceProvider.GetRequiredService<IMediator>().Send(new RecordConnectorFailure.Command(connectorId, "sync", e.Message, atsId), ct);
            throw;
        }
        await using var storeScope = scopes.CreateAsyncScope();
        await storeScope.ServiceProvider.GetRequiredService<IMediator>().Send(new StoreAtsRecord.Command(connectorId, atsId, dossier, fetchedAt), ct);
    }
}
