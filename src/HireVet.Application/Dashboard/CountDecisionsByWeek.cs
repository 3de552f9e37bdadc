using Dapper;
using HireVet.Application.Common.Data;
using MediatR;

namespace HireVet.Application.Dashboard;

/// <summary>Decisions per week by outcome over the last <see cref="Weeks.Shown"/> weeks (ix_decisions_decided_at), and
/// the second reviewers' verdicts given in those weeks.</summary>
public static class CountDecisionsByWeek
{
    public sealed record Query : IRequest<Response>;

    public static readonly string[] Outcomes = ["clear", "reject", "request_information", "policy_violation"];

    public sealed record Response
    {
        public DateOnly[] Weeks { get; init; } = [];
        /// <summary>One series per outcome (clear, reject, request_information, policy_violation), every outcome present
        /// (zeros included) so that a policy violation is always counted apart from a rejection.</summary>
        public IReadOnlyList<Weeks.Series> Outcomes { get; init; } = [];
        /// <summary>Verdicts (approved, declined) given in those weeks.</summary>
        public IReadOnlyList<Weeks.Series> Verdicts { get; init; } = [];
    }

    public sealed class Handler(IDbSession db, TimeProvider clock) : IRequestHandler<Query, Response>
    {
        private const string Sql = """
            select (date_trunc('week', decided_at at time zone 'UTC'))::date as week, outcome as key, count(*) as count
            from decisions where decided_at >= @From
            group by 1, 2
            """;

        // Verdicts follow their decisions: only those of decisions made from a little before the window are read.
        private const string VerdictsSql = """
            select (date_trunc('week', a.approved_at at time zone 'UTC'))::date as week, a.verdict as key, count(*) as count
            from decisions d join decision_approvals a on a.decision_id = d.id
            where d.decided_at >= @From - interval '12 weeks' and a.approved_at >= @From
            group by 1, 2
            """;

        public async Task<Response> Handle(Query query, CancellationToken ct)
        {
            var weeks = Dashboard.Weeks.Ending(clock.GetUtcNow());
            var from = new { From = Dashboard.Weeks.Start(weeks) };
            var outcomes = await db.Connection.QueryAsync<Row>(new CommandDefinition(Sql, from, db.Transaction, cancellationToken: ct));
            var verdicts = await db.Connection.QueryAsync<Row>(new CommandDefinition(VerdictsSql, from, db.Transaction, cancellationToken: ct));
            return new Response
            {
                Weeks = weeks,
                Outcomes = WithEveryOutcome(weeks, Dashboard.Weeks.Pivot(weeks, outcomes.Select(r => (r.Week, r.Key, r.Count)))),
                Verdicts = Dashboard.Weeks.Pivot(weeks, verdicts.Select(r => (r.Week, r.Key, r.Count))),
            };
        }

        private static IReadOnlyList<Weeks.Series> WithEveryOutcome(DateOnly[] weeks, IReadOnlyList<Weeks.Series> counted) =>
            [.. counted, .. Outcomes.Where(o => counted.All(s => s.Key != o)).Select(o => new Weeks.Series(o, new long[weeks.Length]))];

        private sealed record Row
        {
            public DateOnly Week { get; init; }
            public string Key { get; init; } = "";
            public long Count { get; init; }
        }
    }
}
