using Dapper;
using HireVet.Application.Common.Data;
using MediatR;

namespace HireVet.Application.Rescreening;

/// <summary>Re-screening runs, newest first, with their progress (processed of total, signals raised, bands raised,
/// failures) and the batches that failed with their errors (as text, and for the jobs page with attempts and node).</summary>
public static class ListRescreenRuns
{
    public sealed record Query(int Limit = 20) : IRequest<IReadOnlyList<Run>>;

    public sealed record Run
    {
        public long Id { get; init; }
        public string Kind { get; init; } = "";
        public string Trigger { get; init; } = "";
        public string RequestedBy { get; init; } = "";
        public DateTimeOffset StartedAt { get; init; }
        public DateTimeOffset? FinishedAt { get; init; }
        public string Status { get; init; } = "";
        public int Total { get; init; }
        public int Batches { get; init; }
        public int BatchesDone { get; init; }
        public int Processed { get; init; }
        public int Signals { get; init; }
        public int BandsRaised { get; init; }
        public int Failures { get; init; }
        public string[] Errors { get; init; } = [];
        /// <summary>Batches with an error (failed for good, waiting for a retry, or done on a later attempt), by number.</summary>
        public IReadOnlyList<BatchError> BatchErrors { get; init; } = [];
    }

    public sealed record BatchError
    {
        public long RunId { get; init; }
        public int BatchNo { get; init; }
        public string Status { get; init; } = "";
        public int Attempts { get; init; }
        public string LastError { get; init; } = "";
        public string? Node { get; init; }
    }

    public sealed class Handler(IDbSession db) : IRequestHandler<Query, IReadOnlyList<Run>>
    {
        private const string Sql = """
            select r.id, r.kind, r.trigger, r.requested_by, r.started_at, r.finished_at, r.status, r.total, r.batches, r.processed,
                   r.signals, r.bands_raised, r.failures,
                   (select count(*)::int from rescreen_batches b where b.run_id = r.id and b.status = 'done') as batches_done,
                   coalesce((select array_agg(format('batch %s: %s', b.batch_no, b.last_error) order by b.batch_no)
                             from rescreen_batches b where b.run_id = r.id and b.last_error is not null), '{}') as errors
            from rescreen_runs r order by r.id desc limit @Limit
            """;

        // The first 50 per run: a run whose every batch failed would otherwise list thousands.
        private const string BatchErrorsSql = """
            select r.id as run_id, b.batch_no, b.status, b.attempts, b.last_error, b.node
            from unnest(@RunIds) as r(id)
            cross join lateral (select batch_no, status, attempts, last_error, node from rescreen_batches
                                where run_id = r.id and last_error is not null order by batch_no limit 50) b
            """;

        public async Task<IReadOnlyList<Run>> Handle(Query query, CancellationToken ct)
        {
            var runs = (await db.Connection.QueryAsync<Run>(new CommandDefinition(Sql, new { Limit = Math.Clamp(query.Limit, 1, 200) },
                db.Transaction, cancellationToken: ct))).ToArray();
            var withErrors = runs.Where(r => r.Errors.Length > 0).Select(r => r.Id).ToArray();
            if (withErrors.Length == 0) return runs;
            var errors = (await db.Connection.QueryAsync<BatchError>(new CommandDefinition(BatchErrorsSql, new { RunIds = withErrors },
                db.Transaction, cancellationToken: ct))).ToLookup(e => e.RunId);
            return [.. runs.Select(r => errors.Contains(r.Id) ? r with { BatchErrors = [.. errors[r.Id]] } : r)];
        }
    }
}
