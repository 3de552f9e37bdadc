using Hangfire;
using HireVet.Application.Audit;
using MediatR;

namespace HireVet.Infrastructure.Jobs;

/// <summary>Recurring (Jobs:AuditWalkCron, hourly): walks the whole audit chain and records the result. A second walk
/// at the same time only adds a row.</summary>
[AutomaticRetry(Attempts = 0)]
public sealed class WalkAuditChainJob(IMediator mediator)
{
    public Task RunAsync(CancellationToken ct) => mediator.Send(new RecordAuditChainWalk.Command(), ct);
}
