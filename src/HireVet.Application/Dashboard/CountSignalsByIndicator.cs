using Dapper;
using HireVet.Application.Common.Data;
using MediatR;

namespace HireVet.Application.Dashboard;

/// <summary>Signals by indicator over the last <see cref="Weeks.Shown"/> weeks: per week and indicator, how many
/// candidates had an assessment made that week raising a signal of that indicator. A candidate counts once per week and
/// indicator however often it was vetted that week (re-screens re-assess everyone), and again in a later week it is
/// re-assessed with the signal still there. Reads only assessments with a signal made in those weeks
/// (ix_assessments_signalled_at).</summary>
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
            select (date_trunc('week', a.assessed_at at time zone 'UTC'))::date as week, s.indicator,
                   count(distinct a.candidate_id) as count
            from assessments a
            cross join lateral signal_indicators(a.signals) s(indicator)
            where a.signals <> '[]'::jsonb and a.assessed_at >= @From
            group by 1, 2
            """;

        public async Task<Response> Handle(Query query, CancellationToken ct)
        {
            var weeks = Dashboard.Weeks.Ending(clock.GetUtcNow());
            var rows = await db.Connection.QueryAsync<Row>(new CommandDefinition(Sql, new { From = Dashboard.Weeks.Start(weeks) },
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
