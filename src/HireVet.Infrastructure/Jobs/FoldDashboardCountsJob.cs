using Hangfire;
using HireVet.Application.Dashboard;
using MediatR;

namespace HireVet.Infrastructure.Jobs;

/// <summary>Recurring (Jobs:DashboardFoldCron, every minute): folds the dashboard's appended changes into its counts.
/// Each fold is one statement per table, so two at once only queue on the same rows.</summary>
[AutomaticRetry(Attempts = 0)]
public sealed class FoldDashboardCountsJob(IMediator mediator)
{
    public Task RunAsync(CancellationToken ct) => mediator.Send(new FoldDashboardCounts.Command(), ct);
}
