using Dapper;
using HireVet.Application.Common;
using HireVet.Application.Common.Auditing;
using HireVet.Application.Common.Data;
using HireVet.Application.Common.Errors;
using HireVet.Application.Webhooks;
using MediatR;
using Microsoft.Extensions.Logging;

namespace HireVet.Application.Audit;

/// <summary>Signs a checkpoint of the audit trail: links whatever waits, computes the Merkle root over every link, and if
/// the trail grew since the last checkpoint in the file, signs {size, root, head link and hash, time, key id} with the
/// configured key and appends it to the checkpoint file (flushed to disk), to audit_checkpoints, and to the webhook
/// outbox (event audit.checkpoint). Run by the scheduler (Jobs:AuditCheckpointCron, every ten minutes) and on demand
/// (POST /api/audit/checkpoints). Refuses to sign a trail that no longer matches the last checkpoint: signing it would
/// bless a rewrite. Signing is an audited action; its own record is not reason enough to sign again, so an idle trail
/// gets no new checkpoints.</summary>
public static class SignAuditCheckpoint
{
    /// <summary>Links the waiting records first, then <see cref="Sign"/> (whose transaction cannot contain the linking).</summary>
    public sealed record Command : IRequest<Response>;

    /// <summary>The signing itself, in one transaction with its audit record.</summary>
    public sealed record Sign : IRequest<Response>, ICommand;

    public sealed record Response
    {
        public bool Signed { get; init; }
        public string Message { get; init; } = "";
        /// <summary>The checkpoint just signed, or the latest one when nothing was new.</summary>
        public VerifyAuditCheckpoints.CheckpointView? Checkpoint { get; init; }
    }

    public const string EventType = WebhookOutbox.AuditCheckpoint;

    // One signer at a time across nodes, held until the transaction ends (after the file append).
    private const long SignerLockKey = 7_202_611_212; // not the migration runner's (…211) or the chain writer's (…210)

    /// <summary>Whether links were added after the first <c>Size</c> by anything but signing itself.</summary>
    private const string GrewSql = """
        select exists (select 1 from audit_chain c join audit_records r on r.id = c.record_id
                       where c.seq > @Size and r.action <> 'SignAuditCheckpoint')
        """;

    public sealed class Handler(IMediator mediator, IDbSession db, AuditSigning signing) : IRequestHandler<Command, Response>
    {
        public async Task<Response> Handle(Command command, CancellationToken ct)
        {
            if (!signing.Signs) throw new ConflictException(AuditSigning.NotSignedMessage);
            await mediator.Send(new ChainAuditRecords.Command(Wait: true), ct);
            // Looked at before the audited transaction too, so that the scheduler's runs on an idle trail add no record.
            var last = CheckpointLog.ValidInFile(signing.CheckpointFile!, signing.TrustedKeys).MaxBy(r => r.Checkpoint!.Size);
            if (!await db.Connection.ExecuteScalarAsync<bool>(new CommandDefinition(GrewSql, new { Size = last?.Checkpoint!.Size ?? 0 },
                    db.Transaction, cancellationToken: ct)))
                return NothingNew(last);
            return await mediator.Send(new Sign(), ct);
        }
    }

    private static Response NothingNew(AuditCheckpoint.Read? last) => last is null
        ? new Response { Message = "Nothing to sign: the audit trail is empty." }
        : new Response
        {
            // Said plainly: with nothing to sign, the trail was not compared with the checkpoint (verification does that).
            Message = $"Nothing new since the checkpoint of {CheckpointLog.When(last.Checkpoint!.SignedAt)} (records 1..{last.Checkpoint.Size}), " +
                      "so nothing was signed or checked: verify the trail to compare it with the checkpoints.",
            Checkpoint = VerifyAuditCheckpoints.CheckpointView.Of(last),
        };

    public sealed class SignHandler(IDbSession db, AuditSigning signing, AuditScope audit, TimeProvider clock, ILogger<SignHandler> logger)
        : IRequestHandler<Sign, Response>
    {
        private const string LockSql = "select true from pg_advisory_xact_lock(@SignerLockKey)";

        private const string InsertSql = """
            insert into audit_checkpoints (tree_size, root, head_seq, head_hash, signed_at, key_id, body, signature)
            values (@Size, @Root, @HeadSeq, @HeadHash, @SignedAt, @KeyId, @Body, @Signature)
            returning id
            """;

        public async Task<Response> Handle(Sign command, CancellationToken ct)
        {
            if (!signing.Signs) throw new ConflictException(AuditSigning.NotSignedMessage);
            await db.Connection.ExecuteScalarAsync<bool>(new CommandDefinition(LockSql, new { SignerLockKey }, db.Transaction, cancellationToken: ct));

            var last = CheckpointLog.ValidInFile(signing.CheckpointFile!, signing.TrustedKeys).MaxBy(r => r.Checkpoint!.Size);
            var lastCheckpoint = last?.Checkpoint;

            // One pass over the link hashes: the root at the last checkpoint's size (it must still match) and now.
            var tree = new MerkleTree.Accumulator();
            byte[]? rootAtLast = null;
            string head = "", headAtLast = "";
            await foreach (var (seq, hash) in CheckpointLog.StreamLinksAsync(db, long.MaxValue, ct))
            {
                if (seq != tree.Size + 1) Refuse($"link {tree.Size + 1} is missing from the database (deleted)");
                tree.Append(CheckpointLog.LeafOf(hash));
                head = hash;
                if (tree.Size == lastCheckpoint?.Size)
                {
                    rootAtLast = tree.Root();
                    headAtLast = hash;
                }
            }
            if (lastCheckpoint is not null)
            {
                if (tree.Size < lastCheckpoint.Size)
                    Refuse($"the trail has {tree.Size} links but checkpoint line {last!.LineNumber} signed at {CheckpointLog.When(lastCheckpoint.SignedAt)} " +
                           $"covers {lastCheckpoint.Size}: records {tree.Size + 1}..{lastCheckpoint.Size} are missing (deleted)");
                if (!rootAtLast!.AsSpan().SequenceEqual(lastCheckpoint.Root) || headAtLast != lastCheckpoint.HeadHash)
                    Refuse($"the trail no longer matches checkpoint line {last!.LineNumber} signed at {CheckpointLog.When(lastCheckpoint.SignedAt)}: it was rewritten");
            }
            if (!await db.Connection.ExecuteScalarAsync<bool>(new CommandDefinition(GrewSql, new { Size = lastCheckpoint?.Size ?? 0 }, db.Transaction,
                    cancellationToken: ct)))
                return NothingNew(last);

            var checkpoint = new AuditCheckpoint
            {
                Size = tree.Size, Root = tree.Root(), HeadSeq = tree.Size, HeadHash = head,
                SignedAt = AuditChain.TruncateToMicroseconds(clock.GetUtcNow()), KeyId = signing.KeyId!,
            };
            var line = checkpoint.ToLine(signing.Sign(System.Text.Encoding.UTF8.GetBytes(checkpoint.Body())));
            var id = await db.Connection.ExecuteScalarAsync<long>(new CommandDefinition(InsertSql, new
            {
                checkpoint.Size, Root = checkpoint.RootBase64, checkpoint.HeadSeq, checkpoint.HeadHash, checkpoint.SignedAt, checkpoint.KeyId,
                line.Body, line.Signature,
            }, db.Transaction, cancellationToken: ct));
            await WebhookOutbox.EnqueueAsync(db, EventType, [line], clock.GetUtcNow(), ct);
            // Last, just before the commit: a failure above leaves no line behind. A node that dies between this append
            // and the commit leaves a line the database lacks, which verification reports (with that explanation).
            CheckpointLog.Append(signing.CheckpointFile!, line);

            audit.Target("audit_checkpoint", id);
            audit.Details["size"] = checkpoint.Size;
            audit.Details["root"] = checkpoint.RootBase64;
            audit.Details["keyId"] = checkpoint.KeyId;
            var lineNumber = File.ReadLines(signing.CheckpointFile!).Count();
            return new Response
            {
                Signed = true, Message = $"Signed a checkpoint of records 1..{checkpoint.Size}.",
                Checkpoint = VerifyAuditCheckpoints.CheckpointView.Of(new AuditCheckpoint.Read(lineNumber, checkpoint, line, null)),
            };
        }

        private void Refuse(string why)
        {
            logger.LogError("Not signing an audit checkpoint: {Reason}.", why);
            throw new ConflictException($"Not signing a checkpoint: {why}. Verify the audit trail (GET /api/audit/verify).");
        }
    }
}
