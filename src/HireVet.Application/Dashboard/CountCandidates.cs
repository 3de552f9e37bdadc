using Dapper;
using HireVet.Application.Common.Data;
using MediatR;

namespace HireVet.Application.Dashboard;

/// <summary>Candidates counted by status, band and risk-score bucket, from the counts the database keeps as candidates
/// change (migration 0025: a few hundred rows, not a million candidates), and hired workers by their own status, their
/// case's status and band. Aggregates only: no candidate is named.</summary>
public static class CountCandidates
{
    public sealed record Query : IRequest<Response>;

    public sealed record Response
    {
        /// <summary>One row per (status, band, bucket) that has candidates.</summary>
        public IReadOnlyList<Group> Groups { get; init; } = [];
        public IReadOnlyList<WorkerGroup> Workers { get; init; } = [];

        public long Total => Groups.Sum(g => g.Count);
    }

    public sealed record Group
    {
        public string Status { get; init; } = "";
        /// <summary>Null while the candidate waits for its first vetting.</summary>
        public string? Band { get; init; }
        /// <summary>The score's bucket of ten (0: 0–9 … 9: 90–100); null without a score.</summary>
        public int? Bucket { get; init; }
        public long Count { get; init; }
    }

    public sealed record WorkerGroup
    {
        /// <summary>active or left.</summary>
        public string Status { get; init; } = "";
        /// <summary>The status of the worker's case (their candidate): clear, review (back in the queue) …</summary>
        public string CaseStatus { get; init; } = "";
        public string? Band { get; init; }
        public long Count { get; init; }
    }

    public sealed class Handler(IDbSession db) : IRequestHandler<Query, Response>
    {
        // The folded counts plus the changes appended since the last fold, in one snapshot: exact.
        private const string Sql = """
            select status, band, bucket, sum(count)::bigint as count
            from (select status, band, bucket, count from candidate_counts
                  union all
                  select status, band, bucket, delta from candidate_count_changes) c
            group by 1, 2, 3
            having sum(count) <> 0
            """;

        // Bounded by the workforce, not the candidates: the join probes candidates by primary key.
        private const string WorkersSql = """
            select w.status, c.status as case_status, c.band, count(*) as count
            from workers w join candidates c on c.id = w.candidate_id
            group by w.status, c.status, c.band
            """;

        public async Task<Response> Handle(Query query, CancellationToken ct)
        {
            var groups = await db.Connection.QueryAsync<Group>(new CommandDefinition(Sql, transaction: db.Transaction, cancellationToken: ct));
            var workers = await db.Connection.QueryAsync<WorkerGroup>(new CommandDefinition(WorkersSql, transaction: db.Transaction, cancellationToken: ct));
            return new Response { Groups = [.. groups], Workers = [.. workers] };
        }
    }
}
