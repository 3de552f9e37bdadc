using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
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

    /// <summary>The digest of <paramref name="value"/>'s JSON: the same as <see cref="Digest(string)"/> of
    /// <c>JsonSerializer.Serialize</c>'s text (that text is the serializer's UTF-8 transcoded), hashed as the serializer
    /// writes it. A command carrying a page of a thousand vendor events is megabytes of JSON: made into a string and
    /// encoded back, it took 11% of the app's request threads during a connector pull, and two large-object allocations
    /// per page (benchmarks/README.md, "Connectors").</summary>
    public static string Digest(object value, Type type, JsonSerializerOptions options)
    {
        using var hashing = new HashingStream();
        JsonSerializer.Serialize(hashing, value, type, options);
        return Convert.ToHexStringLower(hashing.Hash());
    }

    /// <summary>A write-only stream that hashes what is written to it (SHA-256).</summary>
    private sealed class HashingStream : Stream
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        public byte[] Hash() => _hash.GetHashAndReset();
        public override void Write(byte[] buffer, int offset, int count) => _hash.AppendData(buffer, offset, count);
        public override void Write(ReadOnlySpan<byte> buffer) => _hash.AppendData(buffer);
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) _hash.Dispose();
            base.Dispose(disposing);
        }
    }

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
