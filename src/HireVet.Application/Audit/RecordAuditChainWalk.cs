using Dapper;
using HireVet.Application.Common.Data;
using MediatR;
using Microsoft.Extensions.Logging;

namespace HireVet.Application.Audit;

/// <summary>The scheduler's job (Jobs:AuditWalkCron, hourly): walks the whole audit chain and records the result in
/// audit_chain_walks, from which the audit pages continue. A break is logged as an error as well as recorded. Not an
/// audited command: it adds no audit record of its own (the walk's row is its record).</summary>
public static class RecordAuditChainWalk
{
    public sealed record Command : IRequest<VerifyAuditChain.Response>;

    public sealed class Handler(IDbSession db, IMediator mediator, TimeProvider clock, ILogger<Handler> logger)
        : IRequestHandler<Command, VerifyAuditChain.Response>
    {
        private const string InsertSql = """
            insert into audit_chain_walks (walked_at, valid, records_checked, through_seq, through_hash, max_record_id,
                                           first_broken_seq, first_broken_id, problem, duration_ms)
            values (@WalkedAt, @Valid, @RecordsChecked, @ThroughSeq, @HeadHash, @MaxRecordId, @FirstBrokenSeq, @FirstBrokenId, @Problem, @DurationMs)
            """;

        public async Task<VerifyAuditChain.Response> Handle(Command command, CancellationToken ct)
        {
            var walked = await mediator.Send(new VerifyAuditChain.Query(), ct);
            await db.Connection.ExecuteAsync(new CommandDefinition(InsertSql, new
            {
                WalkedAt = clock.GetUtcNow(), walked.Valid, walked.RecordsChecked, walked.ThroughSeq,
                HeadHash = walked.Valid ? walked.HeadHash : null, walked.MaxRecordId, walked.FirstBrokenSeq, walked.FirstBrokenId, walked.Problem,
                DurationMs = (long)walked.Duration.TotalMilliseconds,
            }, db.Transaction, cancellationToken: ct));
            if (!walked.Valid)
                logger.LogError("The audit chain is broken at link {Seq} (record {RecordId}): {Problem}", walked.FirstBrokenSeq, walked.FirstBrokenId, walked.Problem);
            if (!walked.Checkpoints.Valid)
                logger.LogError("The audit trail does not match its signed checkpoints: {Problems}", string.Join("; ", walked.Checkpoints.Problems));
            return walked;
        }
    }
}
