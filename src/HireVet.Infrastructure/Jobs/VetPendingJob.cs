using HireVet.Application.Vetting;
using MediatR;
using Quartz;

namespace HireVet.Infrastructure.Jobs;

/// <summary>Durable job: vets pending candidates in batches until none is left for this node. Concurrent runs (on one
/// node or several) split the work, because each batch skips rows another run has locked.</summary>
public sealed class VetPendingJob(IMediator mediator) : IJob
{
    public static readonly JobKey Key = new("vet-pending", "vetting");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        while (await mediator.Send(new VetPendingCandidates.Command(), cancellationToken) > 0)
        {
        }
    }
}
