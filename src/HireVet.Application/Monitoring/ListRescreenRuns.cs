using Dapper;
using HireVet.Application.Common.Data;
using MediatR;

namespace HireVet.Application.Monitoring;

/// <summary>Re-screening runs, newest first, with their progress (processed of total, signals raised, bands raised,
/// failures) and the batches that failed with their errors.</summary>
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

        public async Task<IReadOnlyList<Run>> Handle(Query query, CancellationToken ct) =>
            [.. await db.Connection.QueryAsync<Run>(new CommandDefinition(Sql, new { Limit = Math.Clamp(query.Limit, 1, 200) },
                db.Transaction, cancellationToken: ct))];
    }
}
