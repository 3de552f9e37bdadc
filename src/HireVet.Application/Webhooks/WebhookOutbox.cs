using System.Text.Json;
using Dapper;
using HireVet.Application.Common.Data;
using HireVet.Application.Dossiers;

namespace HireVet.Application.Webhooks;

/// <summary>Queues a webhook event for every active subscription to it, in the caller's transaction (so it goes out
/// exactly when the change it reports commits); the delivery job sends it.</summary>
public static class WebhookOutbox
{
    public const string WorkerBandRaised = "worker.band_raised";
    /// <summary>Each signed audit checkpoint, as the line written to the checkpoint file: a copy held by the subscriber
    /// (a SIEM, a second organisation) that no one on HireVet's host can rewrite.</summary>
    public const string AuditCheckpoint = "audit.checkpoint";
    public static readonly string[] EventTypes = [WorkerBandRaised, AuditCheckpoint];

    private const string EnqueueSql = """
        insert into webhook_deliveries (subscription_id, event_type, payload, created_at, next_attempt_at)
        select s.id, @EventType, p.payload, @Now, @Now
        from webhook_subscriptions s cross join unnest(@Payloads) as p(payload)
        where s.active and @EventType = any(s.events)
        """;

    public static async Task EnqueueAsync(IDbSession db, string eventType, IReadOnlyCollection<object> payloads, DateTimeOffset now, CancellationToken ct)
    {
        if (payloads.Count == 0) return;
        await db.Connection.ExecuteAsync(new CommandDefinition(EnqueueSql, new
        {
            EventType = eventType, Now = now,
            Payloads = payloads.Select(p => JsonSerializer.Serialize(p, DossierJson.Options)).ToArray(),
        }, db.Transaction, cancellationToken: ct));
    }
}
