using System.Globalization;
using HireVet.Application.Monitoring;
using MediatR;
using Microsoft.Extensions.Logging;
using Quartz;

namespace HireVet.Infrastructure.Jobs;

/// <summary>Runs one batch of a re-screening run; a failure is recorded and the batch retried later.</summary>
public sealed class RescreenBatchJob(IMediator mediator, ILogger<RescreenBatchJob> logger) : IJob
{
    public const string RunIdKey = "runId";
    public const string BatchNoKey = "batchNo";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var runId = long.Parse(context.MergedJobDataMap.GetString(RunIdKey)!, CultureInfo.InvariantCulture);
        var batchNo = context.MergedJobDataMap.GetInt(BatchNoKey);
        try
        {
            await mediator.Send(new RescreenBatch.Command(runId, batchNo, context.Scheduler.SchedulerInstanceId), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Re-screening batch {RunId}/{BatchNo} failed", runId, batchNo);
            await mediator.Send(new RecordRescreenFailure.Command(runId, batchNo, e.Message), cancellationToken);
        }
    }
}
