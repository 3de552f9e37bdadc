using Hangfire;
using HireVet.Application.Vetting;
using MediatR;

namespace HireVet.Infrastructure.Jobs;

/// <summary>Recurring (Jobs:SweepCron): asks for vetting again when candidates have been pending longer than
/// Jobs:StalePendingSeconds. Only reads; an overlap with another node's sweep is harmless.</summary>
[AutomaticRetry(Attempts = 0)]
public sealed class SweepPendingVettingJob(IMediator mediator, JobSettings settings)
{
    public Task RunAsync(CancellationToken ct) => mediator.Send(new RescheduleStaleVetting.Command(settings.StalePending), ct);
}
