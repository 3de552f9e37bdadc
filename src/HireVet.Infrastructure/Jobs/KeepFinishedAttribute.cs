using Hangfire.Common;
using Hangfire.States;
using Hangfire.Storage;

namespace HireVet.Infrastructure.Jobs;

/// <summary>How long a job's rows stay in the storage once it succeeded (Hangfire's default is a day). Vetting requests
/// come several times a second under load and are worth nothing once done.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class KeepFinishedAttribute : JobFilterAttribute, IApplyStateFilter
{
    public int Minutes { get; init; } = 60;

    public void OnStateApplied(ApplyStateContext context, IWriteOnlyTransaction transaction) =>
        context.JobExpirationTimeout = TimeSpan.FromMinutes(Minutes);

    public void OnStateUnapplied(ApplyStateContext context, IWriteOnlyTransaction transaction)
    {
    }
}
