using System.Security.Cryptography;
using System.Text;
using Dapper;
using HireVet.Application.Common.Data;

namespace HireVet.Application.Audit;

/// <summary>The audit trail as a hash chain: each record's hash covers its content and the previous record's hash,
/// so changing or removing any record breaks every link after it.</summary>
public static class AuditChain
{
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    // Any constant works; it serialises appends so that each one sees the previous hash. Held until commit.
    private const long AppendLockKey = 7_202_611_210;

    public record Entry
    {
        public long Seq { get; init; }
        public DateTimeOffset OccurredAt { get; init; }
        public string Actor { get; init; } = "";
        public string ActorRole { get; init; } = "";
        public string Action { get; init; } = "";
        public string? TargetType { get; init; }
        public string? TargetId { get; init; }
        public string RequestDigest { get; init; } = "";
        public string Details { get; init; } = "{}";
        public string PreviousHash { get; init; } = GenesisHash;
    }

    public static string ComputeHash(Entry e)
    {
        // PostgreSQL keeps microseconds; hash what the database will give back.
        var at = TruncateToMicroseconds(e.OccurredAt).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'");
        var canonical = string.Join('\n', e.Seq, at, e.Actor, e.ActorRole, e.Action, e.TargetType ?? "", e.TargetId ?? "",
            e.RequestDigest, e.Details, e.PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    public static DateTimeOffset TruncateToMicroseconds(DateTimeOffset t) =>
        new(t.UtcTicks - t.UtcTicks % 10, TimeSpan.Zero);

    public static string Digest(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    // Lock and read in one round trip: every command's commit waits behind the holder of this lock, so it must be
    // held for as few round trips as possible.
    private const string LastSql = """
        select pg_advisory_xact_lock(@AppendLockKey);
        select seq, hash from audit_records order by seq desc limit 1;
        """;

    private const string InsertSql = """
        insert into audit_records (seq, occurred_at, actor, actor_role, action, target_type, target_id,
                                   request_digest, details, previous_hash, hash)
        values (@Seq, @OccurredAt, @Actor, @ActorRole, @Action, @TargetType, @TargetId,
                @RequestDigest, @Details, @PreviousHash, @Hash)
        """;

    /// <summary>Appends inside the caller's transaction, so the record commits or rolls back with the change.</summary>
    public static async Task AppendAsync(IDbSession db, Entry entry, CancellationToken ct)
    {
        (long Seq, string Hash)? last;
        await using (var read = await db.Connection.QueryMultipleAsync(new CommandDefinition(LastSql, new { AppendLockKey },
                         db.Transaction, cancellationToken: ct)))
        {
            await read.ReadAsync(); // the lock
            last = await read.ReadSingleOrDefaultAsync<(long Seq, string Hash)?>();
        }
        var linked = entry with
        {
            Seq = (last?.Seq ?? 0) + 1,
            PreviousHash = last?.Hash ?? GenesisHash,
            OccurredAt = TruncateToMicroseconds(entry.OccurredAt),
        };
        await db.Connection.ExecuteAsync(new CommandDefinition(InsertSql,
            new
            {
                linked.Seq, linked.OccurredAt, linked.Actor, linked.ActorRole, linked.Action, linked.TargetType,
                linked.TargetId, linked.RequestDigest, linked.Details, linked.PreviousHash, Hash = ComputeHash(linked),
            }, db.Transaction, cancellationToken: ct));
    }
}
