using Hangfire;
using HireVet.Application.Rescreening;
using MediatR;
using Microsoft.Extensions.Logging;

namespace HireVet.Infrastructure.Jobs;

/// <summary>Runs one batch of a re-screening run on the re-screening queue; a failure is recorded and the batch retried
/// later by HireVet (which counts the attempts), not by Hangfire.</summary>
[AutomaticRetry(Attempts = 0)]
public sealed class RescreenBatchJob(IMediator mediator, JobSettings settings, ILogger<RescreenBatchJob> logger)
{
    public const string Queue = "rescreen";

    public async Task RunAsync(long runId, int batchNo, CancellationToken ct)
    {
        try
        {
            await mediator.Send(new RescreenBatch.Command(runId, batchNo, settings.NodeName), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Re-screening batch {RunId}/{BatchNo} failed", runId, batchNo);
            await mediator.Send(new RecordRescreenFailure.Command(runId, batchNo, e.Message), ct);
        }
    }
}
