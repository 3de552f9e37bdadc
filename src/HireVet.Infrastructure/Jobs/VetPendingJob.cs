using Hangfire;
using HireVet.Application.Vetting;
using MediatR;

namespace HireVet.Infrastructure.Jobs;

/// <summary>Vets pending candidates a batch at a time while each query finds a full batch, then stops.
/// Concurrent runs (on one node or several) split the work, because each batch skips rows another run has locked. Not
/// retried: a failure leaves the candidates pending, and the next request or the sweep asks again.</summary>
/// <remarks>A candidate that turns pending after the last batch's query asked for vetting after its commit (the
/// submission, the re-vet of a linked candidate), and the scheduler coalesces those asks into one job a window: the
/// job need not look again. Looping until a query found none made batches of about six under a steady 100
/// submissions/s, each paying a batch's twenty statements and audit record, and every run ended with an empty batch of
/// its own (decision 0059).</remarks>
[AutomaticRetry(Attempts = 0)]
[KeepFinished(Minutes = 10)]
public sealed class VetPendingJob(IMediator mediator)
{
    public const string Queue = "vetting";

    public async Task RunAsync(CancellationToken ct)
    {
        VetPendingCandidates.Result batch;
        do batch = await mediator.Send(new VetPendingCandidates.Command(), ct);
        while (batch is { FoundFullBatch: true, Vetted: > 0 }); // none vetted: another run holds them
    }
}
