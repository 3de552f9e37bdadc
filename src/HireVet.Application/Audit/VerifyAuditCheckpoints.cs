using System.Security.Cryptography;
using System.Text.Json;
using Dapper;
using HireVet.Application.Common.Auditing;
using HireVet.Application.Common.Data;
using MediatR;

namespace HireVet.Application.Audit;

/// <summary>Checks the audit trail in the database against the signed checkpoints read from the checkpoint file (the
/// authority, outside the database), with the trusted public keys. Every line must be validly signed by a trusted key;
/// for each checkpoint the database must still hold its `size` links and the Merkle root over their hashes must equal the
/// signed root (and link `size`'s hash the signed head). Because the roots are recomputed from the database, a rewrite
/// that recomputed every chain hash (which the linear walk reports as intact) changes them and is reported, with the
/// last checkpoint that still matches bounding where the change starts. Consecutive checkpoints are consistent when both
/// match the one trail; one that matches after an earlier one did not means the signed trees themselves disagree. The
/// database's copy of the checkpoints must hold every line of the file. One pass over the link hashes (32 bytes each),
/// no record content: the walk (<see cref="VerifyAuditChain"/>) checks that the hashes cover the records.</summary>
public static class VerifyAuditCheckpoints
{
    public sealed record Query : IRequest<Response>
    {
        /// <summary>For the CLI only (never bound from a request): check this file instead of Audit:CheckpointFile.</summary>
        public string? CheckpointFile { get; init; }
        /// <summary>For the CLI only: trust these keys instead of the configured ones.</summary>
        public IReadOnlyDictionary<string, ECDsa>? TrustedKeys { get; init; }
    }

    public sealed record Response
    {
        /// <summary>Whether there are signed checkpoints to check against (a checkpoint file and trusted keys).</summary>
        public bool Signed { get; init; }
        /// <summary>No problem found (also true when nothing is signed: then <see cref="Message"/> says so).</summary>
        public bool Valid { get; init; } = true;
        public string Message { get; init; } = "";
        /// <summary>Validly signed checkpoints in the file.</summary>
        public int CheckpointCount { get; init; }
        public CheckpointView? Latest { get; init; }
        /// <summary>Links in the database's chain.</summary>
        public long Links { get; init; }
        /// <summary>Links after the latest checkpoint: not yet covered by a signature.</summary>
        public long LinksAfterLatest { get; init; }
        /// <summary>Where a rewrite starts at the earliest (the record after the last checkpoint that still matches).</summary>
        public long? FirstChangedSeq { get; init; }
        public string[] Problems { get; init; } = [];
    }

    public sealed record CheckpointView
    {
        /// <summary>Its line in the checkpoint file (1 for the first).</summary>
        public int Line { get; init; }
        public long Size { get; init; }
        public string Root { get; init; } = "";
        public long HeadSeq { get; init; }
        public string HeadHash { get; init; } = "";
        public DateTimeOffset SignedAt { get; init; }
        public string KeyId { get; init; } = "";
        /// <summary>Base64 of the exact signed bytes.</summary>
        public string Body { get; init; } = "";
        /// <summary>Base64 DER ECDSA signature over <see cref="Body"/>.</summary>
        public string Signature { get; init; } = "";

        public static CheckpointView Of(AuditCheckpoint.Read read) => new()
        {
            Line = read.LineNumber, Size = read.Checkpoint!.Size, Root = read.Checkpoint.RootBase64, HeadSeq = read.Checkpoint.HeadSeq,
            HeadHash = read.Checkpoint.HeadHash, SignedAt = read.Checkpoint.SignedAt, KeyId = read.Checkpoint.KeyId,
            Body = read.Raw!.Body, Signature = read.Raw.Signature,
        };
    }

    public sealed class Handler(IDbSession db, AuditSigning signing) : IRequestHandler<Query, Response>
    {
        private const string StoredSql = """
            select id, tree_size as size, root, head_seq, head_hash, signed_at, key_id, body, signature
            from audit_checkpoints order by id
            """;

        public async Task<Response> Handle(Query query, CancellationToken ct)
        {
            var file = query.CheckpointFile ?? signing.CheckpointFile;
            var keys = query.TrustedKeys ?? signing.TrustedKeys;
            var stored = (await db.Connection.QueryAsync<Stored>(new CommandDefinition(StoredSql, transaction: db.Transaction, cancellationToken: ct))).ToArray();
            var notSigning = signing.Signs || query.CheckpointFile is not null ? "" : $"{Capitalised(AuditSigning.NotSignedMessage)}. ";
            if (file is null || keys.Count == 0)
            {
                string[] unchecked_ = stored.Length == 0 ? [] :
                    [$"the database holds {stored.Length} signed checkpoints, but no checkpoint file and key are configured to check them against " +
                     "(Audit:CheckpointFile, Audit:SigningKeyFile or Audit:TrustedPublicKeyFiles)"];
                return new Response
                {
                    Signed = false, Valid = unchecked_.Length == 0, Problems = unchecked_,
                    Message = file is null ? Capitalised(AuditSigning.NotSignedMessage) + "." : notSigning + "No trusted public key is configured to check the checkpoint file with.",
                };
            }

            var problems = new List<string>();
            var lines = CheckpointLog.ReadFile(file, keys);
            if (!File.Exists(file) && stored.Length > 0)
                problems.Add($"the checkpoint file {file} is missing, but the database holds {stored.Length} signed checkpoints");
            problems.AddRange(lines.Where(l => l.Problem is not null).Select(l => l.Problem!));
            var valid = lines.Where(l => l.Checkpoint is not null).ToList();
            for (var i = 1; i < valid.Count; i++)
                if (valid[i].Checkpoint!.Size <= valid[i - 1].Checkpoint!.Size)
                    problems.Add($"checkpoint line {valid[i].LineNumber} covers records 1..{valid[i].Checkpoint!.Size}, no more than line " +
                                 $"{valid[i - 1].LineNumber} before it (1..{valid[i - 1].Checkpoint!.Size}): the signer was shown a shorter trail");

            // One pass over the link hashes: the root and head at every checkpoint's size.
            var bySize = valid.GroupBy(v => v.Checkpoint!.Size).ToDictionary(g => g.Key, g => g.ToList());
            var at = new Dictionary<long, (byte[] Root, string Head)>();
            var tree = new MerkleTree.Accumulator();
            long? gap = null;
            await foreach (var (seq, hash) in CheckpointLog.StreamLinksAsync(db, long.MaxValue, ct))
            {
                if (seq != tree.Size + 1) gap ??= tree.Size + 1;
                tree.Append(CheckpointLog.LeafOf(hash));
                if (bySize.ContainsKey(tree.Size)) at[tree.Size] = (tree.Root(), hash);
            }
            var links = tree.Size;

            var ordered = valid.OrderBy(v => v.Checkpoint!.Size).ThenBy(v => v.LineNumber).ToList();
            bool Matches(AuditCheckpoint c) => at.TryGetValue(c.Size, out var found) && found.Root.AsSpan().SequenceEqual(c.Root) && found.Head == c.HeadHash;

            long? firstChanged = null;
            if (ordered.LastOrDefault(v => v.Checkpoint!.Size > links) is { } beyond)
                problems.Add($"records {links + 1}..{beyond.Checkpoint!.Size} covered by checkpoint line {beyond.LineNumber} signed at " +
                             $"{CheckpointLog.When(beyond.Checkpoint.SignedAt)} are missing (deleted)");
            if (gap is { } missingLink && ordered.FirstOrDefault(v => v.Checkpoint!.Size >= missingLink) is { } covering)
            {
                problems.Add($"link {missingLink}, covered by checkpoint line {covering.LineNumber} signed at {CheckpointLog.When(covering.Checkpoint!.SignedAt)}, " +
                             "is missing (deleted)");
                firstChanged = missingLink;
            }
            var held = ordered.Where(v => v.Checkpoint!.Size <= links && (gap is null || v.Checkpoint.Size < gap)).ToList();
            var firstMismatch = held.FindIndex(v => !Matches(v.Checkpoint!));
            if (firstMismatch >= 0)
            {
                var broken = held[firstMismatch];
                var lastMatching = held.Take(firstMismatch).LastOrDefault(v => Matches(v.Checkpoint!));
                var from = (lastMatching?.Checkpoint!.Size ?? 0) + 1;
                firstChanged = firstChanged is { } f ? Math.Min(f, from) : from;
                problems.Add($"the trail was rewritten: link hashes no longer match checkpoint line {broken.LineNumber} signed at " +
                             $"{CheckpointLog.When(broken.Checkpoint!.SignedAt)} (" +
                             (lastMatching is null ? "no earlier checkpoint still matches" :
                                 $"the last checkpoint that still matches is line {lastMatching.LineNumber}, size {lastMatching.Checkpoint!.Size}") +
                             $"): changed at or after record {from}" + (broken.Checkpoint.Size >= from ? $" and at or before record {broken.Checkpoint.Size}" : ""));
                foreach (var later in held.Skip(firstMismatch + 1).Where(v => Matches(v.Checkpoint!)))
                    problems.Add($"checkpoint line {later.LineNumber} matches the trail although line {broken.LineNumber}, a smaller one, does not: " +
                                 "the signed checkpoints are not consistent with each other");
            }

            // The database's copy must hold every checkpoint of the file; one the file lacks was not appended there.
            var inDatabase = stored.Select(s => s.Signature).ToHashSet();
            foreach (var v in valid.Where(v => !inDatabase.Contains(v.Raw!.Signature)))
                problems.Add($"checkpoint line {v.LineNumber} (records 1..{v.Checkpoint!.Size}, signed at {CheckpointLog.When(v.Checkpoint.SignedAt)}) " +
                             "is in the signed file but missing from the database (deleted, or the signing node stopped between writing the file and committing)");
            var inFile = valid.Select(v => v.Raw!.Signature).ToHashSet();
            foreach (var s in stored.Where(s => !inFile.Contains(s.Signature)))
            {
                var check = AuditCheckpoint.Check(0, s.ToLine().ToJson(), keys);
                problems.Add(check.Checkpoint is null
                    ? $"the database holds checkpoint row {s.Id} that is not validly signed (forged)"
                    : $"the database holds a checkpoint (records 1..{s.Size}, signed at {CheckpointLog.When(s.SignedAt)}) that the checkpoint file " +
                      "lacks: the file was truncated or replaced");
            }

            var latest = valid.MaxBy(v => v.Checkpoint!.Size);
            var after = latest is null ? links : Math.Max(0, links - latest.Checkpoint!.Size);
            var summary = latest is null
                ? "No checkpoint has been signed yet."
                : $"{valid.Count} signed checkpoints; the latest, signed at {CheckpointLog.When(latest.Checkpoint!.SignedAt)}, covers records 1..{latest.Checkpoint.Size}" +
                  (after > 0 ? $"; records {latest.Checkpoint.Size + 1}..{links} are not yet in a signed checkpoint." : ".");
            return new Response
            {
                Signed = true, Valid = problems.Count == 0, Message = notSigning + summary, CheckpointCount = valid.Count,
                Latest = latest is null ? null : CheckpointView.Of(latest), Links = links, LinksAfterLatest = after,
                FirstChangedSeq = firstChanged, Problems = [.. problems],
            };
        }

        private static string Capitalised(string text) => char.ToUpperInvariant(text[0]) + text[1..];

        private sealed record Stored
        {
            public long Id { get; init; }
            public long Size { get; init; }
            public string Root { get; init; } = "";
            public long HeadSeq { get; init; }
            public string HeadHash { get; init; } = "";
            public DateTimeOffset SignedAt { get; init; }
            public string KeyId { get; init; } = "";
            public string Body { get; init; } = "";
            public string Signature { get; init; } = "";

            public AuditCheckpoint.Line ToLine() => new()
            {
                Size = Size, Root = Root, HeadSeq = HeadSeq, HeadHash = HeadHash,
                SignedAt = SignedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture),
                KeyId = KeyId, Body = Body, Signature = Signature,
            };
        }
    }
}
