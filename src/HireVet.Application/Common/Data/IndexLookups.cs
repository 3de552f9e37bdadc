using Dapper;

namespace HireVet.Application.Common.Data;

/// <summary>Storing and vetting run point lookups on indexed hashes (identifiers, resume bands, external ids) for at most
/// a batch of candidates: index probes and nested loops are the right plan at every table size. The planner does not
/// always see it: right after a bulk load, before autovacuum has analysed the new rows, it took the tables for tiny and
/// scanned them once per probed key (a 500-candidate batch took over 30 s); on a million candidates, with a prepared
/// statement's generic estimate for array overlap, it hash-joined all of `candidates` and compiled the plan with
/// JIT (1.8 s instead of 6 ms), or fanned a batch's lookups out as a parallel scan of the whole table. So these
/// transactions rule out sequential scans, hash and merge joins, parallel plans and JIT.</summary>
public static class IndexLookups
{
    private const string Sql = """
        set local enable_seqscan = off;
        set local enable_hashjoin = off;
        set local enable_mergejoin = off;
        set local jit = off;
        set local max_parallel_workers_per_gather = 0;
        """;

    public static Task PreferAsync(IDbSession db, CancellationToken ct) =>
        db.Connection.ExecuteAsync(new CommandDefinition(Sql, transaction: db.Transaction, cancellationToken: ct));
}
