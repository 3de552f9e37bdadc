using Dapper;
using HireVet.Application.Common.Data;
using MediatR;

namespace HireVet.Application.Dashboard;

/// <summary>The audit chain at a glance, cheaply: how many records are linked (the head's sequence number, by primary
/// key), how many wait for the chain writer, when the newest linked record happened, and what the latest recorded full
/// walk found. It verifies nothing: walking and re-hashing the chain is VerifyAuditChain's, on the audit page.</summary>
public static class GetAuditChainSummary
{
    public sealed record Query : IRequest<Response>;

    public sealed record Response
    {
        public long Linked { get; init; }
        public long Waiting { get; init; }
        public DateTimeOffset? NewestLinkedAt { get; init; }
        /// <summary>The latest full walk the scheduler recorded (RecordAuditChainWalk); null before the first.</summary>
        public DateTimeOffset? LastWalkAt { get; init; }
        public bool? LastWalkValid { get; init; }
        public long? LastWalkThroughSeq { get; init; }
    }

    public sealed class Handler(IDbSession db) : IRequestHandler<Query, Response>
    {
        private const string Sql = """
            select coalesce(h.seq, 0) as linked, (select count(*) from audit_unchained) as waiting, r.occurred_at as newest_linked_at,
                   w.walked_at as last_walk_at, w.valid as last_walk_valid, w.through_seq as last_walk_through_seq
            from (select 1) one
            left join lateral (select seq, record_id from audit_chain order by seq desc limit 1) h on true
            left join audit_records r on r.id = h.record_id
            left join lateral (select walked_at, valid, through_seq from audit_chain_walks order by id desc limit 1) w on true
            """;

        public async Task<Response> Handle(Query query, CancellationToken ct) =>
            await db.Connection.QuerySingleAsync<Response>(new CommandDefinition(Sql, transaction: db.Transaction, cancellationToken: ct));
    }
}
