using Dapper;
using HireVet.Application.Common;
using HireVet.Application.Common.Auditing;
using HireVet.Application.Common.Data;
using MediatR;

namespace HireVet.Application.Rescreening;

/// <summary>A batch failed (its transaction rolled back whole): the attempt and the error are recorded, and it is tried
/// again after a delay, up to <see cref="MaxAttempts"/> times; then it counts as a failure of the run.</summary>
public static class RecordRescreenFailure
{
    public const int MaxAttempts = 3;

    public sealed record Command(long RunId, int BatchNo, string Error) : IRequest<Unit>, ICommand;

    public sealed class Handler(IDbSession db, RescreenBatchQueue batchQueue, IAfterCommit afterCommit, AuditScope audit, TimeProvider clock)
        : IRequestHandler<Command, Unit>
    {
        private const string FailSql = """
            update rescreen_batches set attempts = attempts + 1, last_error = left(@Error, 2000),
                   status = case when attempts + 1 >= @MaxAttempts then 'failed' else status end
            where run_id = @RunId and batch_no = @BatchNo and status = 'pending'
            returning attempts, status
            """;

        // Takes the run's row lock before RescreenBatch.Handler.CloseIfFinishedSql runs.
        private const string CountFailureSql = "update rescreen_runs set failures = failures + 1 where id = @RunId";

        public async Task<Unit> Handle(Command command, CancellationToken ct)
        {
            audit.Target("rescreen_batch", $"{command.RunId}/{command.BatchNo}");
            var row = await db.Connection.QuerySingleOrDefaultAsync<(int Attempts, string Status)?>(new CommandDefinition(FailSql,
                new { command.RunId, command.BatchNo, command.Error, MaxAttempts }, db.Transaction, cancellationToken: ct));
            if (row is not { } failed) return Unit.Value;
            audit.Details["attempts"] = failed.Attempts;
            audit.Details["error"] = command.Error.Length > 500 ? command.Error[..500] : command.Error;
            if (failed.Status == "failed")
            {
                await db.Connection.ExecuteAsync(new CommandDefinition(CountFailureSql, new { command.RunId }, db.Transaction, cancellationToken: ct));
                await db.Connection.ExecuteAsync(new CommandDefinition(RescreenBatch.Handler.CloseIfFinishedSql, new { command.RunId, Now = clock.GetUtcNow() },
                    db.Transaction, cancellationToken: ct));
            }
            else
                afterCommit.Enqueue(token => batchQueue.EnqueueAsync(command.RunId, command.BatchNo, TimeSpan.FromSeconds(30 * failed.Attempts), token));
            return Unit.Value;
        }
    }
}
