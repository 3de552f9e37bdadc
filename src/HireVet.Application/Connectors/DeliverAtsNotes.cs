using Dapper;
using HireVet.Application.Common.Data;
using MediatR;

namespace HireVet.Application.Connectors;

/// <summary>Writes due notes into the applicant-tracking systems (a Greenhouse activity-feed note, a Lever opportunity
/// note), with a link to the candidate's page when HireVet's public address is configured. A failed note is tried
/// again later (1, 2, 4… minutes, at most <see cref="MaxAttempts"/> times). Like webhook deliveries, a statement claims
/// the due rows by moving their next attempt a lease ahead, so no lock is held while the vendor answers and nodes share
/// the work. Not an audited command: the connector log is its record, and a poll that finds nothing writes nothing.</summary>
public static class DeliverAtsNotes
{
    public const int MaxAttempts = 8;

    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    public sealed record Command(int Limit = 20) : IRequest<int>;

    /// <summary>HireVet's address as people reach it (PublicUrl), for links in notes; null when not configured.</summary>
    public sealed record Links(string? PublicUrl)
    {
        public string CandidatePage(long candidateId) => PublicUrl is null
            ? $"(HireVet candidate {candidateId})"
            : $"{PublicUrl.TrimEnd('/')}/candidates/{candidateId}";
    }

    private sealed record Due(long Id, long ConnectorId, long CandidateId, string AtsId, string Body, int Attempts);

    public sealed class Handler(IDbSession db, ConnectorStore store, IVendorClients vendors, Links links, TimeProvider clock)
        : IRequestHandler<Command, int>
    {
        private const string ClaimSql = """
            with due as (
              select id from connector_notes where status = 'pending' and next_attempt_at <= @Now
              order by next_attempt_at limit @Limit for update skip locked)
            update connector_notes n set next_attempt_at = @LeaseEnd from due where n.id = due.id
            returning n.id, n.connector_id, n.candidate_id, n.ats_id, n.body, n.attempts
            """;
        private const string SentSql = "update connector_notes set status = 'sent', attempts = attempts + 1, sent_at = @Now, last_error = null where id = @Id";
        private const string FailedSql = """
            update connector_notes set attempts = attempts + 1, last_error = @Error, next_attempt_at = @Next,
              status = case when attempts + 1 >= @MaxAttempts then 'failed' else 'pending' end
            where id = @Id
            """;

        public async Task<int> Handle(Command command, CancellationToken ct)
        {
            var now = clock.GetUtcNow();
            var due = (await db.Connection.QueryAsync<Due>(new CommandDefinition(ClaimSql, new { Now = now, command.Limit, LeaseEnd = now + Lease }, cancellationToken: ct))).ToList();
            var connectors = new Dictionary<long, Connector?>();
            foreach (var note in due)
            {
                if (!connectors.TryGetValue(note.ConnectorId, out var connector))
                    connectors[note.ConnectorId] = connector = await store.FindAsync(note.ConnectorId, ct);
                string? error = null;
                if (connector is not { Status: "active" }) error = "The connector is paused or removed.";
                else
                {
                    try { await vendors.Ats(connector).SendNoteAsync(note.AtsId, $"{note.Body} {links.CandidatePage(note.CandidateId)}", ct); }
                    catch (Exception e) when (e is HttpRequestException or ConnectorException or TaskCanceledException && !ct.IsCancellationRequested)
                    {
                        error = e.Message;
                    }
                }
                await db.Connection.ExecuteAsync(new CommandDefinition(error is null ? SentSql : FailedSql, new
                {
                    note.Id, Now = now, Error = error, MaxAttempts, Next = now.AddMinutes(Math.Pow(2, note.Attempts)),
                }, cancellationToken: ct));
                await store.LogAsync(new ConnectorLogEntry(note.ConnectorId, now, "note", error is null ? "accepted" : "failed", note.AtsId, error), ct);
            }
            return due.Count;
        }
    }
}
