namespace HireVet.Application.Monitoring;

/// <summary>The clustered scheduler as this node sees it: its recurring triggers and the nodes checked in to the cluster.</summary>
public interface ISchedulerInfo
{
    Task<ListSchedules.Response> ReadAsync(CancellationToken ct);
}
