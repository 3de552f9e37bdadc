using Dapper;
using HireVet.Application.Common.Auditing;
using HireVet.Application.Common.Data;
using MediatR;

namespace HireVet.Application.Audit;

/// <summary>Links the audit records waiting in the queue into the hash chain, oldest first, one writer at a time across
/// every node (an advisory lock held for the transaction). Not an audited command: it adds no record of its own, only
/// links. Run every few hundred milliseconds by each node's chain writer, and before every verification.</summary>
public static class ChainAuditRecords
{
    /// <param name="Wait">Wait for another writer to finish (a verification must see everything linked); otherwise a
    /// busy writer means there is nothing for this one to do.</param>
    public sealed record Command(bool Wait = false) : IRequest<int>;

    /// <summary>Records linked per transaction: the chain head moves forward in steps, never holding the lock long.</summary>
    public const int MaxBatch = 5000;

    // Any constant works; it is the only place the chain grows.
    private const long WriterLockKey = 7_202_611_210;

    private const string TryLockSql = "select pg_try_advisory_xact_lock(@WriterLockKey)";
    private const string LockSql = "select true from pg_advisory_xact_lock(@WriterLockKey)";

    private const string HeadSql = "select seq, hash from audit_chain order by seq desc limit 1";

    private const string WaitingSql = """
        select r.id, r.occurred_at, r.actor, r.actor_role, r.action, r.target_type, r.target_id, r.request_digest, r.details
        from audit_unchained u
        join audit_records r on r.id = u.record_id
        order by r.id
        limit @MaxBatch
        """;

    private const string LinkSql = """
        insert into audit_chain (seq, record_id, previous_hash, hash)
        select * from unnest(@Seqs, @RecordIds, @PreviousHashes, @Hashes);
        delete from audit_unchained where record_id = any(@RecordIds);
        """;

    public sealed class Handler(IDbSession db) : IRequestHandler<Command, int>
    {
        public async Task<int> Handle(Command command, CancellationToken ct)
        {
            var linked = 0;
            while (true)
            {
                var batch = await LinkBatchAsync(command.Wait, ct);
                linked += batch;
                if (batch < MaxBatch) return linked;
            }
        }

        private async Task<int> LinkBatchAsync(bool wait, CancellationToken ct)
        {
            await db.BeginAsync(ct);
            try
            {
                if (!await db.Connection.ExecuteScalarAsync<bool>(new CommandDefinition(wait ? LockSql : TryLockSql, new { WriterLockKey },
                        db.Transaction, cancellationToken: ct)))
                {
                    await db.RollbackAsync(ct);
                    return 0;
                }
                var head = await db.Connection.QuerySingleOrDefaultAsync<(long Seq, string Hash)?>(new CommandDefinition(HeadSql,
                    transaction: db.Transaction, cancellationToken: ct));
                var waiting = (await db.Connection.QueryAsync<Waiting>(new CommandDefinition(WaitingSql, new { MaxBatch },
                    db.Transaction, cancellationToken: ct))).ToArray();
                if (waiting.Length == 0)
                {
                    await db.RollbackAsync(ct);
                    return 0;
                }

                var seqs = new long[waiting.Length];
                var previous = new string[waiting.Length];
                var hashes = new string[waiting.Length];
                var (seq, hash) = head ?? (0, AuditChain.GenesisHash);
                for (var i = 0; i < waiting.Length; i++)
                {
                    seqs[i] = ++seq;
                    previous[i] = hash;
                    hash = hashes[i] = AuditChain.ComputeHash(waiting[i] with { Seq = seq, PreviousHash = hash });
                }
                await db.Connection.ExecuteAsync(new CommandDefinition(LinkSql, new
                {
                    Seqs = seqs, RecordIds = waiting.Select(w => w.Id).ToArray(), PreviousHashes = previous, Hashes = hashes,
                }, db.Transaction, cancellationToken: ct));
                await db.CommitAsync(ct);
                return waiting.Length;
            }
            catch
            {
                await db.RollbackAsync(CancellationToken.None);
                throw;
            }
        }
    }

    private sealed record Waiting : AuditChain.Entry
    {
        public long Id { get; init; }
    }
}
