namespace HireVet.Application.ReferenceData;

/// <summary>The current reference data. Loading starts with the application and runs in the background; vetting
/// waits for the first load so that no candidate is assessed against half-loaded data.</summary>
public interface IReferenceData
{
    ReferenceSnapshot Current { get; }
    Task<ReferenceSnapshot> LoadedAsync(CancellationToken ct);
    /// <summary>Reads every dataset again (files that have not changed are reused) and swaps the result in.</summary>
    Task<ReferenceSnapshot> ReloadAsync(CancellationToken ct);
}
