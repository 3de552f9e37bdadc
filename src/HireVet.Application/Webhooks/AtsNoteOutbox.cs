using Dapper;
using HireVet.Application.Common.Data;

namespace HireVet.Application.Webhooks;

/// <summary>Queues the short note HireVet writes back into an applicant-tracking system (when its connector has notes
/// on) in the caller's transaction: the band and status when vetting completes, the outcome when a decision is final.
/// Never security's justification or the evidence. The same note for the same candidate is queued once.</summary>
public static class AtsNoteOutbox
{
    public const string Vetted = "vetted";
    public const string Decided = "decided";

    private const string EnqueueSql = """
        insert into connector_notes (connector_id, candidate_id, ats_id, kind, body, created_at, next_attempt_at)
        select l.connector_id, c.id, l.ats_id, @Kind,
               case when @Kind = 'vetted'
                    then format('HireVet vetting completed: band %s (score %s), status %s.', c.band, c.score, replace(c.status, '_', ' '))
                    else format('HireVet decision final: %s.', c.status) end,
               @Now, @Now
        from candidates c
        join ats_links l on l.candidate_id = c.id and l.redacted_at is null
        join connectors k on k.id = l.connector_id and k.status = 'active' and k.settings ->> 'notes' = 'on'
        where c.id = any(@CandidateIds)
        on conflict do nothing
        """;

    public static Task EnqueueAsync(IDbSession db, string kind, long[] candidateIds, DateTimeOffset now, CancellationToken ct) =>
        candidateIds.Length == 0
            ? Task.CompletedTask
            : db.Connection.ExecuteAsync(new CommandDefinition(EnqueueSql, new { Kind = kind, CandidateIds = candidateIds, Now = now }, db.Transaction, cancellationToken: ct));
}
