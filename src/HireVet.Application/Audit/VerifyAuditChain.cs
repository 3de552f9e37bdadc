using Dapper;
using HireVet.Application.Common.Data;
using MediatR;

namespace HireVet.Application.Audit;

/// <summary>Walks the audit chain in order, recomputing every hash; reports the first record whose content, sequence
/// or link to its predecessor does not check out.</summary>
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
    }

    public sealed class Handler(IDbSession db) : IRequestHandler<Query, Response>
    {
        private const string Sql = """
            select id, seq, occurred_at, actor, actor_role, action, target_type, target_id, request_digest, details,
                   previous_hash, hash
            from audit_records order by seq
            """;

        public async Task<Response> Handle(Query query, CancellationToken ct)
        {
            // Streamed (unbuffered): the chain can be long.
            var rows = db.Connection.QueryUnbufferedAsync<Row>(Sql, transaction: db.Transaction);
            var expectedSeq = 1L;
            var previousHash = AuditChain.GenesisHash;
            long checkedCount = 0;
            await foreach (var r in rows.WithCancellation(ct))
            {
                string? problem = null;
                if (r.Seq != expectedSeq) problem = $"Expected record {expectedSeq} but found {r.Seq}: records are missing.";
                else if (r.PreviousHash != previousHash) problem = "Its link to the previous record does not match that record's hash.";
                else if (AuditChain.ComputeHash(r) != r.Hash) problem = "Its content does not match its hash: it was changed.";
                if (problem is not null)
                    return new Response { Valid = false, RecordsChecked = checkedCount, FirstBrokenSeq = r.Seq, FirstBrokenId = r.Id, Problem = problem };
                checkedCount++;
                expectedSeq++;
                previousHash = r.Hash;
            }
            return new Response { Valid = true, RecordsChecked = checkedCount, HeadHash = checkedCount == 0 ? null : previousHash };
        }

        private sealed record Row : AuditChain.Entry
        {
            public long Id { get; init; }
            public string Hash { get; init; } = "";
        }
    }
}
