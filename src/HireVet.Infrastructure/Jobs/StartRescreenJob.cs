using Hangfire;
using Hangfire.Server;
using HireVet.Application.Rescreening;
using MediatR;

namespace HireVet.Infrastructure.Jobs;

/// <summary>Recurring: the nightly incremental re-screening and the weekly full one. The background job's id keys the
/// run, so a second delivery of the same occurrence (the node died after the run committed) returns that run and
/// enqueues whatever batches the first left unenqueued, instead of starting another.</summary>
[AutomaticRetry(Attempts = 3)]
public sealed class StartRescreenJob(IMediator mediator)
{
    /// <param name="context">Supplied by Hangfire when the job runs.</param>
    public Task RunAsync(string kind, PerformContext? context, CancellationToken ct) =>
        mediator.Send(new StartRescreen.Command(kind, "schedule", JobKey: context?.BackgroundJob.Id), ct);
}
