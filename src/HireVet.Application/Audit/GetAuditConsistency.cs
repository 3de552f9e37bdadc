using FluentValidation;
using HireVet.Application.Common.Auditing;
using HireVet.Application.Common.Data;
using HireVet.Application.Common.Errors;
using MediatR;

namespace HireVet.Application.Audit;

/// <summary>For auditors: proof (RFC 9162 2.1.4) that the signed checkpoint of <see cref="Query.To"/> records (the
/// latest when not given) extends the one of <see cref="Query.From"/> records: the trail an auditor checked before was
/// only appended to since. Both checkpoints come with their signed bodies and signatures.</summary>
public static class GetAuditConsistency
{
    public sealed record Query(long From, long? To = null) : IRequest<Response>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.From).GreaterThan(0);
            RuleFor(q => q.To).GreaterThanOrEqualTo(q => q.From).When(q => q.To is not null)
                .WithMessage("'to' must be at least 'from'.");
        }
    }

    public sealed record Response
    {
        public VerifyAuditCheckpoints.CheckpointView From { get; init; } = new();
        public VerifyAuditCheckpoints.CheckpointView To { get; init; } = new();
        /// <summary>The consistency proof, hex (empty when both are the same checkpoint).</summary>
        public string[] Proof { get; init; } = [];
    }

    public sealed class Handler(IDbSession db, AuditSigning signing) : IRequestHandler<Query, Response>
    {
        public async Task<Response> Handle(Query query, CancellationToken ct)
        {
            var to = SignedCheckpoints.Find(signing, query.To);
            var from = SignedCheckpoints.Find(signing, query.From);
            if (from.Checkpoint!.Size > to.Checkpoint!.Size)
                throw new ConflictException($"The checkpoint of {from.Checkpoint.Size} records is newer than the latest's {to.Checkpoint.Size}: give 'to'.");
            var leaves = await SignedCheckpoints.MatchingLeavesAsync(db, to, ct);
            var proof = MerkleTree.ConsistencyProof(leaves, from.Checkpoint.Size);
            if (!MerkleTree.VerifyConsistency(from.Checkpoint.Size, to.Checkpoint.Size, from.Checkpoint.Root, to.Checkpoint.Root, proof))
                throw new ConflictException($"Checkpoint line {from.LineNumber} is not a prefix of checkpoint line {to.LineNumber}: the signed " +
                    "checkpoints are not consistent with each other. Verify the audit trail (GET /api/audit/verify).");
            return new Response
            {
                From = VerifyAuditCheckpoints.CheckpointView.Of(from), To = VerifyAuditCheckpoints.CheckpointView.Of(to),
                Proof = [.. proof.Select(CheckpointLog.Hex)],
            };
        }
    }
}
