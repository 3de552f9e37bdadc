using HireVet.Application.Vetting;
using MediatR;
using Microsoft.Extensions.Configuration;
using Quartz;

namespace HireVet.Infrastructure.Jobs;

/// <summary>Cron job: re-schedules vetting for candidates pending longer than Jobs:StalePendingSeconds.</summary>
[DisallowConcurrentExecution]
public sealed class SweepPendingVettingJob(IMediator mediator, IConfiguration configuration) : IJob
{
    public static readonly JobKey Key = new("sweep-pending-vetting", "vetting");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await mediator.Send(new RescheduleStaleVetting.Command(
            TimeSpan.FromSeconds(configuration.GetValue("Jobs:StalePendingSeconds", 120))), cancellationToken);
}
