using HireVet.Application.Dashboard;
using MediatR;
using Quartz;

namespace HireVet.Infrastructure.Jobs;

/// <summary>Every minute (Jobs:DashboardFoldSeconds): folds the dashboard's appended changes into its counts.</summary>
[DisallowConcurrentExecution]
public sealed class FoldDashboardCountsJob(IMediator mediator) : IJob
{
    public static readonly JobKey Key = new("fold-dashboard-counts", "dashboard");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await mediator.Send(new FoldDashboardCounts.Command(), cancellationToken);
}
