using System.Text.Json;
using Dapper;
using FluentValidation;
using HireVet.Application.Candidates;
using HireVet.Application.Common;
using HireVet.Application.Common.Auditing;
using HireVet.Application.Common.Data;
using HireVet.Application.Dossiers;
using MediatR;

namespace HireVet.Application.Connectors;

/// <summary>Submits the dossier an ATS record maps to through the same intake as the API (<see cref="SubmitCandidate"/>:
/// validated, stored, vetted), links the record to the candidate, and logs it. A record read earlier than the one
/// stored already (two deliveries' fetches finishing out of order) is dropped, as is one for a redacted candidate; a
/// dossier intake refuses is logged with its fields and stores nothing. Each counts as a sync on the connector (its
/// last sync and success, received, accepted and rejected), which is what its health is read from.</summary>
public static class StoreAtsRecord
{
    public sealed record Command(long ConnectorId, string AtsId, Dossier? Dossier, DateTimeOffset FetchedAt) : IRequest<string>, ICommand;

    public sealed class Handler(IDbSession db, IMediator mediator, ConnectorStore store, AuditScope audit, TimeProvider clock)
        : IRequestHandler<Command, string>
    {
        private const string LockSql = """
            insert into ats_links (connector_id, ats_id, last_event_at) values (@ConnectorId, @AtsId, @Now)
            on conflict (connector_id, ats_id) do update set last_event_at = ats_links.last_event_at
            returning redacted_at is not null as redacted, fetched_at
            """;
        private const string LinkSql = "update ats_links set candidate_id = @CandidateId, fetched_at = @FetchedAt where connector_id = @ConnectorId and ats_id = @AtsId";

        public async Task<string> Handle(Command command, CancellationToken ct)
        {
            var now = clock.GetUtcNow();
            var link = await db.Connection.QuerySingleAsync<(bool Redacted, DateTimeOffset? FetchedAt)>(new CommandDefinition(LockSql,
                new { command.ConnectorId, command.AtsId, Now = now }, db.Transaction, cancellationToken: ct));
            var (outcome, detail) = await StoreAsync(command, link.Redacted, link.FetchedAt, ct);
            // The vendor answered, so the connector is healthy whatever intake made of the record.
            await store.SyncedAsync(command.ConnectorId, now, null, 1, outcome == "accepted" ? 1 : 0, outcome == "rejected" ? 1 : 0, null, ct);
            await store.LogAsync(new ConnectorLogEntry(command.ConnectorId, now, "sync", outcome, command.AtsId, detail,
                1, outcome == "accepted" ? 1 : 0, outcome == "rejected" ? 1 : 0), ct);
            audit.Target("connector", command.ConnectorId);
            audit.Details["atsId"] = command.AtsId;
            audit.Details["outcome"] = outcome;
            return outcome;
        }

        private async Task<(string Outcome, string Detail)> StoreAsync(Command command, bool redacted, DateTimeOffset? storedFetch, CancellationToken ct)
        {
            if (redacted) return ("ignored", "The candidate was redacted at the vendor's request; nothing is stored again.");
            if (command.Dossier is null) return ("ignored", "The vendor no longer has this record.");
            if (storedFetch > command.FetchedAt) return ("ignored", "A newer read of this record is stored already.");
            var submit = JsonSerializer.Deserialize<SubmitCandidate.Command>(JsonSerializer.Serialize(command.Dossier, DossierJson.Options), DossierJson.Options)!;
            SubmitCandidate.Response stored;
            try { stored = await mediator.Send(submit, ct); }
            catch (ValidationException e) // refused before anything was written
            {
                return ("rejected", string.Join("; ", e.Errors.Select(f => $"{f.PropertyName}: {f.ErrorMessage}")));
            }
            await db.Connection.ExecuteAsync(new CommandDefinition(LinkSql, new { command.ConnectorId, command.AtsId, CandidateId = stored.Id, command.FetchedAt },
                db.Transaction, cancellationToken: ct));
            return ("accepted", $"candidate {stored.Id} {stored.Outcome}");
        }
    }
}
