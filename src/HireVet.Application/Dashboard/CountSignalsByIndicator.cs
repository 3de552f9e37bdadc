using Dapper;
using HireVet.Application.Common.Data;
using MediatR;

namespace HireVet.Application.Dashboard;

/// <summary>Signals by indicator over the last <see cref="Weeks.Shown"/> weeks: per week and indicator, how many
/// candidates had it newly raised that week, by an assessment whose predecessor had not raised it. A re-screen that
/// finds the same signals again adds nothing (re-screens re-assess everyone, so counting every assessment would show
/// the population, not what is new); a signal that went and came back counts again. Read from the weekly counts the
/// database keeps (migration 0025): a few rows per week, whatever the number of candidates.</summary>
public static class CountSignalsByIndicator
{
    public sealed record Query : IRequest<Response>;

    public sealed record Response
    {
        /// <summary>The Mondays (UTC) starting each week, oldest first.</summary>
        public DateOnly[] Weeks { get; init; } = [];
        /// <summary>One series per indicator with a signal in those weeks, the most frequent first.</summary>
        public IReadOnlyList<Weeks.Series> Indicators { get; init; } = [];
    }

    public sealed class Handler(IDbSession db, TimeProvider clock) : IRequestHandler<Query, Response>
    {
        private const string Sql = """
            select week, indicator, sum(count)::bigint as count
            from (select week, indicator, count from indicator_week_counts where week >= @From
                  union all
                  select week, indicator, delta from indicator_week_changes where week >= @From) c
            group by 1, 2
            having sum(count) <> 0
            """;

        public async Task<Response> Handle(Query query, CancellationToken ct)
        {
            var weeks = Dashboard.Weeks.Ending(clock.GetUtcNow());
            var rows = await db.Connection.QueryAsync<Row>(new CommandDefinition(Sql, new { From = weeks[0] },
                db.Transaction, cancellationToken: ct));
            return new Response { Weeks = weeks, Indicators = Dashboard.Weeks.Pivot(weeks, rows.Select(r => (r.Week, r.Indicator, r.Count))) };
        }

        private sealed record Row
        {
            public DateOnly Week { get; init; }
            public string Indicator { get; init; } = "";
            public long Count { get; init; }
        }
    }
}
