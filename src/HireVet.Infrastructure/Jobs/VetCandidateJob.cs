using HireVet.Application.Vetting;
using MediatR;
using Quartz;

namespace HireVet.Infrastructure.Jobs;

/// <summary>Durable job, triggered once per vetting request with the candidate id in the trigger's data.</summary>
public sealed class VetCandidateJob(IMediator mediator) : IJob
{
    public static readonly JobKey Key = new("vet-candidate", "vetting");
    public const string CandidateIdKey = "candidateId";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await mediator.Send(new VetCandidate.Command(context.MergedJobDataMap.GetLong(CandidateIdKey)), cancellationToken);
}
