using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dapper;
using HireVet.Application.Candidates;
using HireVet.Application.Common;
using HireVet.Application.Common.Auditing;
using HireVet.Application.Common.Data;
using HireVet.Application.Connectors.Greenhouse;
using HireVet.Application.Connectors.Lever;
using MediatR;

namespace HireVet.Application.Connectors;

/// <summary>A verified Greenhouse or Lever webhook: processed once per delivery (the vendor's event id, or the body's
/// hash when it sends none). A change queues a fetch of the record's current state (<see cref="SyncAtsRecord"/>) after
/// commit; a deletion or anonymization redacts HireVet's copy at once and marks the record so nothing is stored for it
/// again; a merge refreshes the surviving record; anything else is logged as ignored. Answered quickly, as vendors
/// expect, with what was done.</summary>
public static class ReceiveAtsDelivery
{
    public sealed record Command(long ConnectorId, string Kind, JsonElement Body) : IRequest<Response>, ICommand;

    public sealed record Response(string Action, string Outcome, string? Detail);

    /// <summary>A delivery in the terms HireVet acts on, whichever vendor sent it.</summary>
    private sealed record Delivery(string Action, WebhookHandling Handling, string? AtsId, string? SurvivingAtsId, string? EventId, string? IgnoredBecause);

    public sealed class Handler(IDbSession db, IMediator mediator, ConnectorStore store, IAfterCommit afterCommit, IConnectorJobs jobs,
        AuditScope audit, TimeProvider clock) : IRequestHandler<Command, Response>
    {
        private const string FirstTimeSql = """
            insert into connector_deliveries (connector_id, delivery_key, received_at) values (@ConnectorId, @Key, @Now)
            on conflict do nothing
            """;
        private const string TouchLinkSql = """
            insert into ats_links (connector_id, ats_id, last_event_at) values (@ConnectorId, @AtsId, @Now)
            on conflict (connector_id, ats_id) do update set last_event_at = excluded.last_event_at
            returning candidate_id
            """;
        private const string MarkRedactedSql = "update ats_links set redacted_at = @Now where connector_id = @ConnectorId and ats_id = @AtsId";

        public async Task<Response> Handle(Command command, CancellationToken ct)
        {
            var delivery = Read(command.Kind, command.Body);
            var now = clock.GetUtcNow();
            var key = delivery.EventId ?? "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(command.Body.GetRawText())));
            var (outcome, detail) = await db.Connection.ExecuteAsync(new CommandDefinition(FirstTimeSql,
                    new { command.ConnectorId, Key = key, Now = now }, db.Transaction, cancellationToken: ct)) == 0
                ? ("duplicate", $"Delivery {key} was processed already.")
                : await ActAsync(command, delivery, now, ct);
            await store.LogAsync(new ConnectorLogEntry(command.ConnectorId, now, "delivery", outcome, delivery.AtsId,
                $"{delivery.Action}: {detail}"), ct);
            audit.Target("connector", command.ConnectorId);
            audit.Details["action"] = delivery.Action;
            audit.Details["atsId"] = delivery.AtsId;
            audit.Details["outcome"] = outcome;
            return new Response(delivery.Action, outcome, detail);
        }

        private async Task<(string Outcome, string Detail)> ActAsync(Command command, Delivery delivery, DateTimeOffset now, CancellationToken ct)
        {
            switch (delivery.Handling)
            {
                case WebhookHandling.Refresh:
                case WebhookHandling.Merge:
                    var atsId = delivery.Handling == WebhookHandling.Merge ? delivery.SurvivingAtsId! : delivery.AtsId!;
                    await Link(command.ConnectorId, atsId, now, ct);
                    afterCommit.Enqueue(token => jobs.SyncAtsRecordAsync(command.ConnectorId, atsId, token));
                    return ("accepted", delivery.Handling == WebhookHandling.Merge
                        ? $"Merged into {atsId}: that record is fetched again; HireVet's candidate for {delivery.AtsId} is kept as it was."
                        : "The record is fetched and vetted.");
                case WebhookHandling.Redact:
                    var candidateId = await Link(command.ConnectorId, delivery.AtsId!, now, ct);
                    await db.Connection.ExecuteAsync(new CommandDefinition(MarkRedactedSql, new { command.ConnectorId, delivery.AtsId, Now = now },
                        db.Transaction, cancellationToken: ct));
                    if (candidateId is null) return ("accepted", "No candidate was stored for it; none will be.");
                    await mediator.Send(new RedactCandidate.Command(candidateId.Value, $"{command.Kind} {delivery.Action} {delivery.AtsId}"), ct);
                    return ("accepted", $"Candidate {candidateId} redacted.");
                default:
                    return ("ignored", delivery.IgnoredBecause ?? "Nothing to do.");
            }
        }

        private Task<long?> Link(long connectorId, string atsId, DateTimeOffset now, CancellationToken ct) =>
            db.Connection.ExecuteScalarAsync<long?>(new CommandDefinition(TouchLinkSql, new { ConnectorId = connectorId, AtsId = atsId, Now = now },
                db.Transaction, cancellationToken: ct));

        private static Delivery Read(string kind, JsonElement body)
        {
            if (kind == ConnectorKinds.Greenhouse)
            {
                var e = GreenhouseWebhook.Parse(body);
                return new Delivery(e.Action, e.Handling, e.CandidateId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    e.WinningCandidateId?.ToString(System.Globalization.CultureInfo.InvariantCulture), null, e.IgnoredBecause);
            }
            var l = LeverWebhook.Parse(body);
            return new Delivery(l.Name, l.Handling, l.OpportunityId, null, l.Id, l.IgnoredBecause);
        }
    }
}
