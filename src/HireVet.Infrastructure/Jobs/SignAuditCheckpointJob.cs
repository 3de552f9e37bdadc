using Hangfire;
using HireVet.Application.Audit;
using HireVet.Application.Common.Auditing;
using MediatR;

namespace HireVet.Infrastructure.Jobs;

/// <summary>Recurring (Jobs:AuditCheckpointCron, every ten minutes): signs a checkpoint of the audit trail when it grew.
/// Does nothing on a node without a signing key (the audit pages say checkpoints are not signed). A second run at the
/// same time waits for the first (a lock in PostgreSQL) and then finds nothing new.</summary>
[AutomaticRetry(Attempts = 0)]
public sealed class SignAuditCheckpointJob(IMediator mediator, AuditSigning signing)
{
    public async Task RunAsync(CancellationToken ct)
    {
        if (signing.Signs) await mediator.Send(new SignAuditCheckpoint.Command(), ct);
    }
}
