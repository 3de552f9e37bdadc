using HireVet.Application.ReferenceData;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HireVet.Infrastructure.ReferenceData;

/// <summary>Holds the current snapshot. The first load starts with the host and runs in the background; a reload
/// builds a complete new snapshot before swapping it in, so readers never see a half-loaded one.</summary>
public sealed class ReferenceDataStore(ReferenceDataCatalog catalog, ILogger<ReferenceDataStore> logger) : IReferenceData, IHostedService
{
    private readonly TaskCompletionSource<ReferenceSnapshot> _firstLoad = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _reloading = new(1, 1);
    private volatile ReferenceSnapshot _current = ReferenceSnapshot.Empty;
    private int _started;

    public ReferenceSnapshot Current => _current;

    public Task<ReferenceSnapshot> LoadedAsync(CancellationToken ct)
    {
        EnsureStarted(); // hosts without the hosted service (the admin CLI) load on first use
        return _firstLoad.Task.WaitAsync(ct);
    }

    public async Task<ReferenceSnapshot> ReloadAsync(CancellationToken ct)
    {
        await _reloading.WaitAsync(ct);
        try
        {
            var snapshot = await catalog.LoadAsync(ct);
            _current = snapshot;
            _firstLoad.TrySetResult(snapshot);
            foreach (var d in snapshot.Datasets.Where(d => !d.IsLoaded))
                logger.LogWarning("Reference dataset {Name} is {Status}: {Error}", d.Name, d.Status, d.Error);
            logger.LogInformation("Reference data: {Loaded} of {Total} datasets loaded",
                snapshot.Datasets.Count(d => d.IsLoaded), snapshot.Datasets.Count);
            return snapshot;
        }
        finally
        {
            _reloading.Release();
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        EnsureStarted();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void EnsureStarted()
    {
        if (Interlocked.Exchange(ref _started, 1) == 0) _ = Task.Run(() => ReloadAsync(CancellationToken.None));
    }
}
