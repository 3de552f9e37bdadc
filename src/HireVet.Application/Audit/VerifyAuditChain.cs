using Dapper;
using HireVet.Application.Common.Data;
using MediatR;

namespace HireVet.Application.Audit;

/// <summary>Links whatever is waiting, then walks the audit chain in order, recomputing every hash; reports the first
/// link whose record is gone or changed, whose sequence has a gap, or whose link to its predecessor does not check out,
/// and any record that is in neither the chain nor the queue (taken out of the queue before it was linked).</summary>
public static class VerifyAuditChain
{
    public sealed record Query : IRequest<Response>;

    public sealed record Response
    {
        public bool Valid { get; init; }
        public long RecordsChecked { get; init; }
        public string? HeadHash { get; init; }
        public long? FirstBrokenSeq { get; init; }
        public long? FirstBrokenId { get; init; }
        public string? Problem { get; init; }
        /// <summary>Records committed while the walk ran, still waiting to be linked: not a problem, checked next time.</summary>
        public long Unchained { get; init; }
    }

    public sealed class Handler(IDbSession db, IMediator mediator) : IRequestHandler<Query, Response>
    {
        private const string ChainSql = """
            select c.seq, c.record_id, c.previous_hash, c.hash, r.id, r.occurred_at, r.actor, r.actor_role, r.action,
                   r.target_type, r.target_id, r.request_digest, r.details
            from audit_chain c
            left join audit_records r on r.id = c.record_id
            order by c.seq
            """;

        private const string OutsideSql = """
            select
              (select min(r.id) from audit_records r
               where not exists (select 1 from audit_chain c where c.record_id = r.id)
                 and not exists (select 1 from audit_unchained u where u.record_id = r.id)) as orphan,
              (select count(*) from audit_unchained) as unchained
            """;

        public async Task<Response> Handle(Query query, CancellationToken ct)
        {
            await mediator.Send(new ChainAuditRecords.Command(Wait: true), ct);

            // Streamed (unbuffered): the chain can be long.
            var rows = db.Connection.QueryUnbufferedAsync<Row>(ChainSql, transaction: db.Transaction);
            var expectedSeq = 1L;
            var previousHash = AuditChain.GenesisHash;
            long checkedCount = 0;
            await foreach (var r in rows.WithCancellation(ct))
            {
                string? problem = null;
                if (r.Seq != expectedSeq) problem = $"Expected link {expectedSeq} but found {r.Seq}: links are missing.";
                else if (r.Id is null) problem = $"The record it links (id {r.RecordId}) was deleted.";
                else if (r.PreviousHash != previousHash) problem = "Its link to the previous record does not match that record's hash.";
                else if (AuditChain.ComputeHash(r) != r.Hash) problem = "Its content does not match its hash: it was changed.";
                if (problem is not null)
                    return new Response { Valid = false, RecordsChecked = checkedCount, FirstBrokenSeq = r.Seq, FirstBrokenId = r.RecordId, Problem = problem };
                checkedCount++;
                expectedSeq++;
                previousHash = r.Hash;
            }

            var (orphan, unchained) = await db.Connection.QuerySingleAsync<(long? Orphan, long Unchained)>(
                new CommandDefinition(OutsideSql, transaction: db.Transaction, cancellationToken: ct));
            if (orphan is { } id)
                return new Response
                {
                    Valid = false, RecordsChecked = checkedCount, FirstBrokenId = id, Unchained = unchained,
                    Problem = "The record is neither linked into the chain nor waiting to be: it was taken out of the queue.",
                };
            return new Response
            {
                Valid = true, RecordsChecked = checkedCount, HeadHash = checkedCount == 0 ? null : previousHash, Unchained = unchained,
            };
        }

        private sealed record Row : AuditChain.Entry
        {
            public long RecordId { get; init; }
            public long? Id { get; init; }
            public string Hash { get; init; } = "";
        }
    }
}
