using Dapper;
using FluentValidation;
using HireVet.Application.Common.Auditing;
using HireVet.Application.Common.Data;
using HireVet.Application.Common.Errors;
using MediatR;

namespace HireVet.Application.Audit;

/// <summary>For auditors: proof that one audit record is in a signed checkpoint, without the rest of the trail. The
/// record's chain fields (from which its chain hash, the Merkle leaf, is recomputed), its inclusion proof (RFC 9162
/// 2.1.3) in the tree of the latest checkpoint, or of the checkpoint of <see cref="Query.Size"/> records, and that
/// checkpoint's signed body and signature. scripts/verify-audit-proof.py checks it with the Python standard library
/// and openssl. A proof against a trail that no longer matches its checkpoint cannot be given: a conflict says why.</summary>
public static class GetAuditRecordProof
{
    public sealed record Query(long Seq, long? Size = null) : IRequest<Response>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Seq).GreaterThan(0);
            RuleFor(q => q.Size).GreaterThan(0).When(q => q.Size is not null);
        }
    }

    public sealed record Response
    {
        /// <summary>The record's leaf index in the tree: its sequence number - 1.</summary>
        public long LeafIndex { get; init; }
        public long TreeSize { get; init; }
        /// <summary>SHA-256(0x00 || chain hash bytes), hex.</summary>
        public string LeafHash { get; init; } = "";
        /// <summary>The inclusion proof, the leaf's sibling first, hex.</summary>
        public string[] AuditPath { get; init; } = [];
        public ProvenRecord Record { get; init; } = new();
        public VerifyAuditCheckpoints.CheckpointView Checkpoint { get; init; } = new();
    }

    /// <summary>The fields the chain hash is computed from (<see cref="AuditChain.ComputeHash"/>): SHA-256 of
    /// seq, occurredAt, actor, actorRole, action, targetType, targetId, requestDigest, details and previousHash joined by
    /// "\n", with occurredAt exactly as given here.</summary>
    public sealed record ProvenRecord
    {
        public long Seq { get; init; }
        public long RecordId { get; init; }
        public string OccurredAt { get; init; } = "";
        public string Actor { get; init; } = "";
        public string ActorRole { get; init; } = "";
        public string Action { get; init; } = "";
        public string? TargetType { get; init; }
        public string? TargetId { get; init; }
        public string RequestDigest { get; init; } = "";
        public string Details { get; init; } = "";
        public string PreviousHash { get; init; } = "";
        public string Hash { get; init; } = "";
    }

    public sealed class Handler(IDbSession db, AuditSigning signing) : IRequestHandler<Query, Response>
    {
        private const string RecordSql = """
            select c.seq, c.record_id, c.previous_hash, c.hash, r.occurred_at, r.actor, r.actor_role, r.action, r.target_type,
                   r.target_id, r.request_digest, r.details
            from audit_chain c join audit_records r on r.id = c.record_id
            where c.seq = @Seq
            """;

        public async Task<Response> Handle(Query query, CancellationToken ct)
        {
            var checkpoint = SignedCheckpoints.Find(signing, query.Size);
            if (query.Seq > checkpoint.Checkpoint!.Size)
                throw new ConflictException($"Record {query.Seq} is not yet in a signed checkpoint: the " +
                    (query.Size is null ? "latest" : "chosen") + $" one, signed at {CheckpointLog.When(checkpoint.Checkpoint.SignedAt)}, covers records 1..{checkpoint.Checkpoint.Size}.");
            var row = await db.Connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(RecordSql, query, db.Transaction, cancellationToken: ct))
                ?? throw new NotFoundException("audit record", query.Seq);
            var leaves = await SignedCheckpoints.MatchingLeavesAsync(db, checkpoint, ct);
            var index = query.Seq - 1;
            var path = MerkleTree.InclusionProof(leaves, index);
            return new Response
            {
                LeafIndex = index, TreeSize = checkpoint.Checkpoint.Size, LeafHash = CheckpointLog.Hex(leaves[(int)index]),
                AuditPath = [.. path.Select(CheckpointLog.Hex)],
                Record = new ProvenRecord
                {
                    Seq = row.Seq, RecordId = row.RecordId,
                    OccurredAt = AuditChain.TruncateToMicroseconds(row.OccurredAt).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture),
                    Actor = row.Actor, ActorRole = row.ActorRole, Action = row.Action, TargetType = row.TargetType, TargetId = row.TargetId,
                    RequestDigest = row.RequestDigest, Details = row.Details, PreviousHash = row.PreviousHash, Hash = row.Hash,
                },
                Checkpoint = VerifyAuditCheckpoints.CheckpointView.Of(checkpoint),
            };
        }

        private sealed record Row : AuditChain.Entry
        {
            public long RecordId { get; init; }
            public string Hash { get; init; } = "";
        }
    }
}

/// <summary>The signed checkpoints the proofs are given against: from the file, validly signed, and still matched by
/// the database's links.</summary>
internal static class SignedCheckpoints
{
    public static AuditCheckpoint.Read Find(AuditSigning signing, long? size)
    {
        if (signing.CheckpointFile is null) throw new ConflictException(char.ToUpperInvariant(AuditSigning.NotSignedMessage[0]) + AuditSigning.NotSignedMessage[1..] + ".");
        var valid = CheckpointLog.ValidInFile(signing.CheckpointFile, signing.TrustedKeys);
        if (size is null) return valid.MaxBy(v => v.Checkpoint!.Size) ?? throw new ConflictException("No checkpoint has been signed yet.");
        return valid.FirstOrDefault(v => v.Checkpoint!.Size == size) ?? throw new NotFoundException("signed checkpoint", $"size={size}");
    }

    /// <summary>The leaf hashes of the checkpoint's tree, after checking that they still give its signed root.</summary>
    public static async Task<List<byte[]>> MatchingLeavesAsync(IDbSession db, AuditCheckpoint.Read checkpoint, CancellationToken ct)
    {
        var (leaves, problem) = await CheckpointLog.LoadLeavesAsync(db, checkpoint.Checkpoint!.Size, ct);
        if (problem is null && !MerkleTree.Root(leaves).AsSpan().SequenceEqual(checkpoint.Checkpoint.Root))
            problem = "the link hashes no longer give its signed root (the trail was rewritten)";
        return problem is null ? leaves : throw new ConflictException($"No proof against checkpoint line {checkpoint.LineNumber} signed at " +
            $"{CheckpointLog.When(checkpoint.Checkpoint.SignedAt)}: {problem}. Verify the audit trail (GET /api/audit/verify).");
    }
}
