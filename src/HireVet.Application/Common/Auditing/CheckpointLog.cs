using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using HireVet.Application.Common.Data;

namespace HireVet.Application.Common.Auditing;

/// <summary>The two sides a checkpoint check compares: the checkpoint file (append-only JSON Lines, outside the
/// database, the authority) and the chain's link hashes in the database (the Merkle leaves). Shared by signing,
/// verification and the proofs.</summary>
public static class CheckpointLog
{
    /// <summary>Appends one line and forces it to disk before returning: a checkpoint reported as signed is on the disk.
    /// FileMode.Append cannot overwrite what is there.</summary>
    public static void Append(string path, AuditCheckpoint.Line line)
    {
        if (Path.GetDirectoryName(path) is { Length: > 0 } directory) Directory.CreateDirectory(directory);
        using var file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
        file.Write(Encoding.UTF8.GetBytes(line.ToJson() + "\n"));
        file.Flush(flushToDisk: true);
    }

    /// <summary>Every non-empty line of the file, checked (<see cref="AuditCheckpoint.Check"/>); none when it does not exist.</summary>
    public static List<AuditCheckpoint.Read> ReadFile(string path, IReadOnlyDictionary<string, ECDsa> trustedKeys)
    {
        var read = new List<AuditCheckpoint.Read>();
        if (!File.Exists(path)) return read;
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var number = 0;
        while (reader.ReadLine() is { } text)
        {
            number++;
            if (text.Trim().Length > 0) read.Add(AuditCheckpoint.Check(number, text, trustedKeys));
        }
        return read;
    }

    /// <summary>The valid checkpoints of the file, in file order.</summary>
    public static List<AuditCheckpoint.Read> ValidInFile(string path, IReadOnlyDictionary<string, ECDsa> trustedKeys) =>
        ReadFile(path, trustedKeys).Where(r => r.Checkpoint is not null).ToList();

    private const string LeavesSql = "select seq, hash from audit_chain where seq <= @Through order by seq";

    /// <summary>The link hashes in sequence order, through link <paramref name="through"/>, streamed.</summary>
    public static async IAsyncEnumerable<(long Seq, string Hash)> StreamLinksAsync(IDbSession db, long through, [EnumeratorCancellation] CancellationToken ct)
    {
        var rows = db.Connection.QueryUnbufferedAsync<(long Seq, string Hash)>(LeavesSql, new { Through = through }, db.Transaction);
        await foreach (var row in rows.WithCancellation(ct)) yield return row;
    }

    /// <summary>The leaf hashes of links 1..<paramref name="size"/>, or why the database cannot give them (a link missing).</summary>
    public static async Task<(List<byte[]> Leaves, string? Problem)> LoadLeavesAsync(IDbSession db, long size, CancellationToken ct)
    {
        var leaves = new List<byte[]>((int)Math.Min(size, 1_000_000));
        await foreach (var (seq, hash) in StreamLinksAsync(db, size, ct))
        {
            if (seq != leaves.Count + 1) return (leaves, $"link {leaves.Count + 1} is missing from the database (deleted)");
            leaves.Add(LeafOf(hash));
        }
        return leaves.Count < size ? (leaves, $"records {leaves.Count + 1}..{size} are missing from the database (deleted)") : (leaves, null);
    }

    /// <summary>A link's Merkle leaf hash: the leaf is the 32 bytes of its chain hash.</summary>
    public static byte[] LeafOf(string chainHash)
    {
        try
        {
            return MerkleTree.LeafHash(Convert.FromHexString(chainHash));
        }
        catch (FormatException)
        {
            // A hash that is not hex was written by hand: it can match no signed root.
            return MerkleTree.LeafHash(Encoding.UTF8.GetBytes(chainHash));
        }
    }

    public static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    public static string When(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", System.Globalization.CultureInfo.InvariantCulture);
}
