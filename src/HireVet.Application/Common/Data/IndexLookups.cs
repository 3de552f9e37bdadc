using Dapper;

namespace HireVet.Application.Common.Data;

/// <summary>Vetting's lookups are point lookups on indexed hashes (identifiers, resume bands, external ids). Right after
/// a bulk load, before autovacuum has analysed the new rows, the planner still believes those tables are tiny and picks
/// sequential scans, one per probed key: a 500-candidate batch then took over 30 seconds on 16,000 resume bands. Index
/// scans are the right plan at every table size, so the transaction is told to prefer them.</summary>
public static class IndexLookups
{
    public static Task PreferAsync(IDbSession db, CancellationToken ct) =>
        db.Connection.ExecuteAsync(new CommandDefinition("set local enable_seqscan = off", transaction: db.Transaction, cancellationToken: ct));
}
