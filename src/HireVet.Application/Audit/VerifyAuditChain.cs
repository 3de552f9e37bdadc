using System.Diagnostics;
using Dapper;
using HireVet.Application.Common.Auditing;
using HireVet.Application.Common.Data;
using MediatR;

namespace HireVet.Application.Audit;

/// <summary>Links whatever is waiting, then walks the audit chain in order, recomputing every hash; reports the first
/// link whose record is gone or changed, whose sequence has a gap, or whose link to its predecessor does not check out,
/// and any record that is in neither the chain nor the queue (taken out of the queue before it was linked).
/// <para>A full walk re-hashes every record: seconds at a few million. The audit pages ask for
/// <see cref="Query.SinceLastWalk"/> instead: when the latest recorded full walk (<see cref="RecordAuditChainWalk"/>,
/// hourly) found the chain intact, only the links from its last one on are walked, starting with that link checked
/// against the hash the walk recorded. A change to an older record shows at the next full walk, not before: the pages
/// say so, and offer a full walk.</para></summary>
public static class VerifyAuditChain
{
    public sealed record Query : IRequest<Response>
    {
        /// <summary>Walk from the latest intact recorded full walk (a full walk when there is none, or it found a break).</summary>
        public bool SinceLastWalk { get; init; }
        /// <summary>For the CLI only (never bound from a request): the checkpoints to check against, when not the configured ones.</summary>
        public VerifyAuditCheckpoints.Query Checkpoints { get; init; } = new();
    }

    public sealed record Response
    {
        public bool Valid { get; init; }
        /// <summary>Links checked by this walk.</summary>
        public long RecordsChecked { get; init; }
        /// <summary>The first link this walk checked (1 for a full walk).</summary>
        public long FromSeq { get; init; } = 1;
        /// <summary>The last link found intact (0 when none is).</summary>
        public long ThroughSeq { get; init; }
        public string? HeadHash { get; init; }
        public long? FirstBrokenSeq { get; init; }
        public long? FirstBrokenId { get; init; }
        public string? Problem { get; init; }
        /// <summary>Records committed while the walk ran, still waiting to be linked: not a problem, checked next time.</summary>
        public long Unchained { get; init; }
        /// <summary>The recorded full walk this one continued, when it continued one.</summary>
        public Walk? ContinuedFrom { get; init; }
        /// <summary>The highest record id linked through <see cref="ThroughSeq"/>.</summary>
        public long MaxRecordId { get; init; }
        public TimeSpan Duration { get; init; }
        /// <summary>The trail checked against the signed checkpoints (<see cref="VerifyAuditCheckpoints"/>): what catches a
        /// rewrite that recomputed every hash, which this walk alone reports as intact.</summary>
        public VerifyAuditCheckpoints.Response Checkpoints { get; init; } = new();
    }

    /// <summary>A full walk as <see cref="RecordAuditChainWalk"/> recorded it.</summary>
    public sealed record Walk
    {
        public long Id { get; init; }
        public DateTimeOffset WalkedAt { get; init; }
        public bool Valid { get; init; }
        public long RecordsChecked { get; init; }
        public long ThroughSeq { get; init; }
        public string? ThroughHash { get; init; }
        public long MaxRecordId { get; init; }
        public long? FirstBrokenSeq { get; init; }
        public string? Problem { get; init; }
    }

    private const string LatestWalkSql = """
        select id, walked_at, valid, records_checked, through_seq, through_hash, max_record_id, first_broken_seq, problem
        from audit_chain_walks order by id desc limit 1
        """;

    public sealed class Handler(IDbSession db, IMediator mediator) : IRequestHandler<Query, Response>
    {
        private const string ChainSql = """
            select c.seq, c.record_id, c.previous_hash, c.hash, r.id, r.occurred_at, r.actor, r.actor_role, r.action,
                   r.target_type, r.target_id, r.request_digest, r.details
            from audit_chain c
            left join audit_records r on r.id = c.record_id
            where c.seq >= @FromSeq
            order by c.seq
            """;

        // Above the continued walk's highest record: older records were checked by it (and are by the next full walk).
        private const string OutsideSql = """
            select
              (select min(r.id) from audit_records r
               where r.id > @AboveRecordId
                 and not exists (select 1 from audit_chain c where c.record_id = r.id)
                 and not exists (select 1 from audit_unchained u where u.record_id = r.id)) as orphan,
              (select count(*) from audit_unchained) as unchained
            """;

        public async Task<Response> Handle(Query query, CancellationToken ct)
        {
            var walked = await WalkAsync(query, ct);
            return walked with { Checkpoints = await mediator.Send(query.Checkpoints, ct) };
        }

        private async Task<Response> WalkAsync(Query query, CancellationToken ct)
        {
            var started = Stopwatch.StartNew();
            await mediator.Send(new ChainAuditRecords.Command(Wait: true), ct);

            var walk = query.SinceLastWalk
                ? await db.Connection.QuerySingleOrDefaultAsync<Walk>(new CommandDefinition(LatestWalkSql, transaction: db.Transaction, cancellationToken: ct))
                : null;
            if (walk is not { Valid: true, ThroughSeq: > 0 }) walk = null;

            // Continuing a walk, its last link is checked again: against the hash that walk recorded, not its predecessor.
            var fromSeq = walk?.ThroughSeq ?? 1;
            var expectedSeq = fromSeq;
            var previousHash = AuditChain.GenesisHash;
            long checkedCount = 0, lastSeq = 0, maxRecordId = walk?.MaxRecordId ?? 0;
            // Every outcome carries how far this walk got.
            Response Walked(Response outcome) => outcome with
            {
                RecordsChecked = checkedCount, FromSeq = fromSeq, ThroughSeq = lastSeq, ContinuedFrom = walk, MaxRecordId = maxRecordId,
                Duration = started.Elapsed,
            };
            // Streamed (unbuffered): the chain can be long.
            var rows = db.Connection.QueryUnbufferedAsync<Row>(ChainSql, new { FromSeq = fromSeq }, db.Transaction);
            await foreach (var r in rows.WithCancellation(ct))
            {
                var continued = walk is not null && r.Seq == walk.ThroughSeq;
                string? problem = null;
                if (r.Seq != expectedSeq) problem = $"Expected link {expectedSeq} but found {r.Seq}: links are missing.";
                else if (r.Id is null) problem = $"The record it links (id {r.RecordId}) was deleted.";
                else if (continued && r.Hash != walk!.ThroughHash) problem = "Its hash is not the one the last full walk recorded: the chain was rewritten.";
                else if (!continued && r.PreviousHash != previousHash) problem = "Its link to the previous record does not match that record's hash.";
                else if (AuditChain.ComputeHash(r) != r.Hash) problem = "Its content does not match its hash: it was changed.";
                if (problem is not null)
                    return Walked(new Response { Valid = false, FirstBrokenSeq = r.Seq, FirstBrokenId = r.RecordId, Problem = problem });
                checkedCount++;
                expectedSeq++;
                lastSeq = r.Seq;
                previousHash = r.Hash;
                maxRecordId = Math.Max(maxRecordId, r.RecordId);
            }
            if (walk is not null && checkedCount == 0)
                return Walked(new Response
                {
                    Valid = false, FirstBrokenSeq = walk.ThroughSeq, Problem = "The last link the full walk checked is gone: links were deleted.",
                });

            var (orphan, unchained) = await db.Connection.QuerySingleAsync<(long? Orphan, long Unchained)>(
                new CommandDefinition(OutsideSql, new { AboveRecordId = walk?.MaxRecordId ?? 0 }, db.Transaction, cancellationToken: ct));
            if (orphan is { } id)
                return Walked(new Response
                {
                    Valid = false, FirstBrokenId = id, Unchained = unchained,
                    Problem = "The record is neither linked into the chain nor waiting to be: it was taken out of the queue.",
                });
            return Walked(new Response { Valid = true, HeadHash = lastSeq == 0 ? null : previousHash, Unchained = unchained });
        }

        private sealed record Row : AuditChain.Entry
        {
            public long RecordId { get; init; }
            public long? Id { get; init; }
            public string Hash { get; init; } = "";
        }
    }
}
