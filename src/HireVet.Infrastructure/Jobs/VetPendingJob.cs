using Hangfire;
using HireVet.Application.Vetting;
using MediatR;

namespace HireVet.Infrastructure.Jobs;

/// <summary>Vets pending candidates in batches until none is left for this worker. Concurrent runs (on one node or
/// several) split the work, because each batch skips rows another run has locked. Not retried: a failure leaves the
/// candidates pending, and the next request or the sweep asks again.</summary>
[AutomaticRetry(Attempts = 0)]
[KeepFinished(Minutes = 10)]
public sealed class VetPendingJob(IMediator mediator)
{
    public const string Queue = "vetting";

    public async Task RunAsync(CancellationToken ct)
    {
        while (await mediator.Send(new VetPendingCandidates.Command(), ct) > 0)
        {
        }
    }
}
