using Dapper;
using HireVet.Application.Common.Data;
using MediatR;

namespace HireVet.Application.Dashboard;

/// <summary>The scheduler's job every minute: moves the changes the candidates' triggers appended (migration 0025)
/// into the dashboard's counts, so that readers add up a few hundred rows however busy the day was. Each table's fold
/// is one statement, so a reader sees a change either still appended or already counted, never both or neither. Not
/// audited: it changes no figure, only where it is kept.</summary>
public static class FoldDashboardCounts
{
    public sealed record Command : IRequest<Response>;

    /// <summary>How many appended changes were folded.</summary>
    public sealed record Response(long CandidateChanges, long IndicatorChanges);

    public sealed class Handler(IDbSession db) : IRequestHandler<Command, Response>
    {
        private const string CandidatesSql = """
            with moved as (delete from candidate_count_changes returning status, band, bucket, delta),
                 folded as (insert into candidate_counts as c (status, band, bucket, count)
                            select status, band, bucket, sum(delta) from moved group by 1, 2, 3
                            on conflict (status, band, bucket) do update set count = c.count + excluded.count)
            select count(*) from moved
            """;

        private const string IndicatorsSql = """
            with moved as (delete from indicator_week_changes returning week, indicator, delta),
                 folded as (insert into indicator_week_counts as c (week, indicator, count)
                            select week, indicator, sum(delta) from moved group by 1, 2
                            on conflict (week, indicator) do update set count = c.count + excluded.count)
            select count(*) from moved
            """;

        // Groups that emptied (every candidate moved on) would otherwise stay as zero rows.
        private const string EmptiedSql = "delete from candidate_counts where count = 0";

        public async Task<Response> Handle(Command command, CancellationToken ct)
        {
            var candidates = await db.Connection.ExecuteScalarAsync<long>(new CommandDefinition(CandidatesSql, transaction: db.Transaction, cancellationToken: ct));
            var indicators = await db.Connection.ExecuteScalarAsync<long>(new CommandDefinition(IndicatorsSql, transaction: db.Transaction, cancellationToken: ct));
            if (candidates > 0) await db.Connection.ExecuteAsync(new CommandDefinition(EmptiedSql, transaction: db.Transaction, cancellationToken: ct));
            return new Response(candidates, indicators);
        }
    }
}
