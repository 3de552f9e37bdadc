namespace HireVet.Application.Vetting;

/// <summary>Asks the background scheduler to vet a candidate soon. Losing such a request is harmless: the candidate's
/// pending state is in our tables and <see cref="RescheduleStaleVetting"/> asks again.</summary>
public interface IVettingScheduler
{
    Task ScheduleAsync(long candidateId, CancellationToken ct);
}
