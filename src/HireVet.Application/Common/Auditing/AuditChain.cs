using System.Security.Cryptography;
using System.Text;
using Dapper;
using HireVet.Application.Audit;
using HireVet.Application.Common.Data;

namespace HireVet.Application.Common.Auditing;

/// <summary>The audit trail as a hash chain: each link's hash covers its record's content, its place in the chain and
/// the previous link's hash, so changing or removing any record breaks every link after it. Commands append records
/// in their own transaction without waiting for each other; <see cref="ChainAuditRecords"/> links them, one writer at a
/// time, in the order it finds them committed.</summary>
public static class AuditChain
{
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

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

    // One round trip, no lock: the record and its place in the queue of records to link.
    private const string InsertSql = """
        with record as (
          insert into audit_records (occurred_at, actor, actor_role, action, target_type, target_id, request_digest, details)
          values (@OccurredAt, @Actor, @ActorRole, @Action, @TargetType, @TargetId, @RequestDigest, @Details)
          returning id)
        insert into audit_unchained (record_id) select id from record
        """;

    /// <summary>Appends inside the caller's transaction, so the record commits or rolls back with the change.</summary>
    public static Task AppendAsync(IDbSession db, Entry entry, CancellationToken ct) =>
        db.Connection.ExecuteAsync(new CommandDefinition(InsertSql, entry with { OccurredAt = TruncateToMicroseconds(entry.OccurredAt) },
            db.Transaction, cancellationToken: ct));
}
