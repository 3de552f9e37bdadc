using HireVet.Application.Monitoring;
using MediatR;
using Quartz;

namespace HireVet.Infrastructure.Jobs;

/// <summary>Cron jobs: the nightly incremental re-screening and the weekly full one (the kind is the trigger's data).</summary>
[DisallowConcurrentExecution]
public sealed class StartRescreenJob(IMediator mediator) : IJob
{
    public static readonly JobKey Key = new("start-rescreen", QuartzRescreenScheduler.Group);
    public const string KindKey = "kind";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await mediator.Send(new StartRescreen.Command(context.MergedJobDataMap.GetString(KindKey) ?? "incremental", "schedule"), cancellationToken);
}
