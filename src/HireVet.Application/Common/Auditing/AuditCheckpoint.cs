using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace HireVet.Application.Common.Auditing;

/// <summary>A signed statement of the audit trail's state: the Merkle root (<see cref="MerkleTree"/>) of its first
/// <see cref="Size"/> links, the head link's sequence number and chain hash, when and with which key. The signed bytes are
/// a C2SP tlog-checkpoint style note body, one field a line, so <c>openssl dgst -sha256 -verify</c> checks it as it is:
/// <code>
/// HireVet audit trail
/// 42
/// &lt;root, base64&gt;
/// head 42 &lt;chain hash of link 42, hex&gt;
/// signed-at 2026-12-06T19:00:00.000000Z
/// key-id &lt;SHA-256 of the public key's SubjectPublicKeyInfo, hex&gt;
/// </code></summary>
public sealed record AuditCheckpoint
{
    public const string Origin = "HireVet audit trail";
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    public long Size { get; init; }
    public byte[] Root { get; init; } = [];
    public long HeadSeq { get; init; }
    public string HeadHash { get; init; } = "";
    public DateTimeOffset SignedAt { get; init; }
    public string KeyId { get; init; } = "";

    public string RootBase64 => Convert.ToBase64String(Root);
    public string SignedAtText => SignedAt.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    public string Body() => $"{Origin}\n{Size}\n{RootBase64}\nhead {HeadSeq} {HeadHash}\nsigned-at {SignedAtText}\nkey-id {KeyId}\n";

    /// <summary>The body's fields, or null when it is not exactly a body <see cref="Body"/> writes (anything else
    /// could not have been signed by HireVet, whatever the signature says).</summary>
    public static AuditCheckpoint? Parse(string body)
    {
        var lines = body.Split('\n');
        if (lines is not [Origin, var size, var root, var head, var signedAt, var keyId, ""]) return null;
        var headParts = head.Split(' ');
        if (!long.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1
            || headParts is not ["head", var seqText, var headHash]
            || !long.TryParse(seqText, NumberStyles.None, CultureInfo.InvariantCulture, out var seq)
            || !signedAt.StartsWith("signed-at ", StringComparison.Ordinal)
            || !DateTimeOffset.TryParseExact(signedAt["signed-at ".Length..], TimeFormat, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            || !keyId.StartsWith("key-id ", StringComparison.Ordinal))
            return null;
        byte[] rootBytes;
        try
        {
            rootBytes = Convert.FromBase64String(root);
        }
        catch (FormatException)
        {
            return null;
        }
        var checkpoint = new AuditCheckpoint
        {
            Size = n, Root = rootBytes, HeadSeq = seq, HeadHash = headHash, SignedAt = at, KeyId = keyId["key-id ".Length..],
        };
        // Only the canonical spelling: one checkpoint, one body.
        return rootBytes.Length == MerkleTree.HashSize && checkpoint.Body() == body ? checkpoint : null;
    }

    /// <summary>One line of the checkpoint file (JSON Lines) and one row of audit_checkpoints: the fields for reading,
    /// and the exact signed bytes and their signature, which alone are trusted.</summary>
    public sealed record Line
    {
        public long Size { get; init; }
        public string Root { get; init; } = "";
        public long HeadSeq { get; init; }
        public string HeadHash { get; init; } = "";
        public string SignedAt { get; init; } = "";
        public string KeyId { get; init; } = "";
        /// <summary>Base64 of the signed bytes (<see cref="AuditCheckpoint.Body"/> in UTF-8).</summary>
        public string Body { get; init; } = "";
        /// <summary>Base64 of the ECDSA P-256 / SHA-256 signature, DER (RFC 3279), as openssl writes and reads it.</summary>
        public string Signature { get; init; } = "";

        public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

        public string ToJson() => JsonSerializer.Serialize(this, Json);
    }

    public Line ToLine(byte[] signature) => new()
    {
        Size = Size, Root = RootBase64, HeadSeq = HeadSeq, HeadHash = HeadHash, SignedAt = SignedAtText, KeyId = KeyId,
        Body = Convert.ToBase64String(Encoding.UTF8.GetBytes(Body())), Signature = Convert.ToBase64String(signature),
    };

    /// <summary>A checkpoint read from the file (or the database) and checked: its line number there, or why it is not one.</summary>
    public sealed record Read(int LineNumber, AuditCheckpoint? Checkpoint, Line? Raw, string? Problem);

    /// <summary>Checks one line: JSON with a body HireVet could have written, fields equal to the body's, signed by a
    /// trusted key with a valid signature. The problem says which, for the report ("forged" where a signature fails).</summary>
    public static Read Check(int lineNumber, string text, IReadOnlyDictionary<string, ECDsa> trustedKeys)
    {
        Line? line;
        try
        {
            line = JsonSerializer.Deserialize<Line>(text, Line.Json);
        }
        catch (JsonException)
        {
            line = null;
        }
        if (line is null) return new Read(lineNumber, null, null, $"checkpoint line {lineNumber} is not a checkpoint (unreadable JSON)");
        byte[] body, signature;
        try
        {
            body = Convert.FromBase64String(line.Body);
            signature = Convert.FromBase64String(line.Signature);
        }
        catch (FormatException)
        {
            return new Read(lineNumber, null, line, $"checkpoint line {lineNumber} has a body or signature that is not base64 (forged)");
        }
        var checkpoint = Parse(Encoding.UTF8.GetString(body));
        if (checkpoint is null) return new Read(lineNumber, null, line, $"checkpoint line {lineNumber} has a body HireVet does not write (forged)");
        if (!trustedKeys.TryGetValue(checkpoint.KeyId, out var key))
            return new Read(lineNumber, null, line, $"checkpoint line {lineNumber} is signed by an unknown key {checkpoint.KeyId} (forged, or signed " +
                "with a key that is not among the trusted ones: add it to Audit:TrustedPublicKeyFiles after a rotation)");
        if (!SignatureValid(checkpoint.KeyId, key, body, signature))
            return new Read(lineNumber, null, line, $"checkpoint line {lineNumber} has an invalid signature (forged)");
        if (line.Size != checkpoint.Size || line.Root != checkpoint.RootBase64 || line.HeadSeq != checkpoint.HeadSeq
            || line.HeadHash != checkpoint.HeadHash || line.SignedAt != checkpoint.SignedAtText || line.KeyId != checkpoint.KeyId)
            return new Read(lineNumber, null, line, $"checkpoint line {lineNumber} has fields that differ from its signed body (edited)");
        return new Read(lineNumber, checkpoint, line, null);
    }

    // A key id names its key (a hash of it), so "this signature by key id K over these bytes is valid" stays true: each
    // page load and each signing re-reads the whole file, and a year of checkpoints is 50,000 signatures to verify.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> Verified = new();

    private static bool SignatureValid(string keyId, ECDsa key, byte[] body, byte[] signature)
    {
        using var fact = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        fact.AppendData(Encoding.UTF8.GetBytes(keyId + "\n"));
        fact.AppendData(SHA256.HashData(body));
        fact.AppendData(signature);
        var id = Convert.ToHexString(fact.GetHashAndReset());
        if (Verified.ContainsKey(id)) return true;
        if (!key.VerifyData(body, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence)) return false;
        Verified.TryAdd(id, true);
        return true;
    }

    /// <summary>The key id: SHA-256 of the public key's SubjectPublicKeyInfo (DER), hex; what
    /// <c>openssl pkey -pubin -in pub.pem -outform DER | sha256sum</c> prints.</summary>
    public static string KeyIdOf(ECDsa key) => Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo()));
}
