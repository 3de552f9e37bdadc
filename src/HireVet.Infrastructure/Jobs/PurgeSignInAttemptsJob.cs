using Hangfire;
using HireVet.Application.Access;
using MediatR;

namespace HireVet.Infrastructure.Jobs;

/// <summary>Recurring (Jobs:SignInAttemptsPurgeCron, daily): deletes sign-in attempts older than the retention. Two at
/// once delete the same rows once.</summary>
[AutomaticRetry(Attempts = 0)]
public sealed class PurgeSignInAttemptsJob(IMediator mediator)
{
    public Task RunAsync(CancellationToken ct) => mediator.Send(new PurgeSignInAttempts.Command(), ct);
}
