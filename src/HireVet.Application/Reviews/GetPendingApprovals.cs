using Dapper;
using HireVet.Application.Common.Data;
using HireVet.Application.Common.Security;
using MediatR;

namespace HireVet.Application.Reviews;

/// <summary>The four-eyes inbox: decisions waiting for a second reviewer. By default other reviewers' decisions, which
/// the caller may approve; with <see cref="Query.Mine"/> the caller's own, which wait for someone else.</summary>
public static class GetPendingApprovals
{
    public sealed record Query(bool Mine = false) : IRequest<Item[]>;

    public sealed record Item
    {
        public long DecisionId { get; init; }
        public long CandidateId { get; init; }
        public string LegalName { get; init; } = "";
        public string Outcome { get; init; } = "";
        public string Justification { get; init; } = "";
        public string BandAtDecision { get; init; } = "";
        public string DecidedBy { get; init; } = "";
        public DateTimeOffset DecidedAt { get; init; }
        public string Reason { get; init; } = "";
    }

    public sealed class Handler(IDbSession db, ICurrentActor actor) : IRequestHandler<Query, Item[]>
    {
        private const string Sql = """
            select d.id as decision_id, d.candidate_id, c.legal_name, d.outcome, d.justification, d.band_at_decision,
                   d.decided_by, d.decided_at,
                   case when d.outcome = 'reject' then 'Rejecting a candidate needs a second reviewer.'
                        when d.outcome = 'policy_violation' then 'Finding a remote-work policy violation needs a second reviewer.'
                        else 'Clearing a candidate in band high needs a second reviewer.' end as reason
            from decisions d join candidates c on c.id = d.candidate_id
            where c.status = 'awaiting_approval' and d.requires_approval and (d.decided_by = @Me) = @Mine
              and d.id = (select max(id) from decisions where candidate_id = c.id)
              and not exists (select 1 from decision_approvals a where a.decision_id = d.id)
            order by d.decided_at
            limit 200
            """;

        public async Task<Item[]> Handle(Query query, CancellationToken ct) =>
            (await db.Connection.QueryAsync<Item>(new CommandDefinition(Sql, new { Me = actor.Name, query.Mine }, db.Transaction, cancellationToken: ct))).ToArray();
    }
}
