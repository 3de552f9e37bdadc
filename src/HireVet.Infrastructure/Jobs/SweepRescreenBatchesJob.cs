using Hangfire;
using HireVet.Application.Rescreening;
using MediatR;

namespace HireVet.Infrastructure.Jobs;

/// <summary>Recurring (Jobs:RescreenSweepCron): enqueues again the batches of running re-screening runs whose job was
/// never enqueued or is gone. Two sweeps at once split the batches: each skips the rows the other holds.</summary>
[AutomaticRetry(Attempts = 0)]
public sealed class SweepRescreenBatchesJob(IMediator mediator, JobSettings settings)
{
    public Task RunAsync(CancellationToken ct) => mediator.Send(new SweepRescreenBatches.Command(settings.RescreenSweepGrace), ct);
}
