using HireVet.Application.Audit;
using MediatR;
using Quartz;

namespace HireVet.Infrastructure.Jobs;

/// <summary>Cron job (Jobs:AuditWalkCron, hourly): walks the whole audit chain and records the result.</summary>
[DisallowConcurrentExecution]
public sealed class WalkAuditChainJob(IMediator mediator) : IJob
{
    public static readonly JobKey Key = new("walk-audit-chain", "audit");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await mediator.Send(new RecordAuditChainWalk.Command(), cancellationToken);
}
