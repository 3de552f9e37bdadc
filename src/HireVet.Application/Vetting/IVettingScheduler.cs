namespace HireVet.Application.Vetting;

/// <summary>Asks the background scheduler to vet the pending candidates soon. Losing such a request is harmless: the
/// candidates' pending state is in our tables and <see cref="RescheduleStaleVetting"/> asks again.</summary>
public interface IVettingScheduler
{
    Task RequestAsync(CancellationToken ct);
}
