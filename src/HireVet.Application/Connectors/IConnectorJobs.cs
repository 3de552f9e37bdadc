namespace HireVet.Application.Connectors;

/// <summary>Background work for connectors, on the job engine: a pull of an identity provider's sign-ins, and the
/// fetch of an ATS record a webhook announced.</summary>
public interface IConnectorJobs
{
    Task PullAsync(long connectorId, CancellationToken ct);
    Task SyncAtsRecordAsync(long connectorId, string atsId, CancellationToken ct);
}
