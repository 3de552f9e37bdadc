using Dapper;
using HireVet.Application.Common.Data;
using MediatR;

namespace HireVet.Application.Webhooks;

/// <summary>Webhook subscriptions (never their secrets) with their latest delivery and how many failed, and the
/// delivery log, newest first and paged: each delivery's status, attempts and last answer or error.</summary>
public static class ListWebhooks
{
    public sealed record Query(int Deliveries = 50, int Offset = 0) : IRequest<Response>;

    public sealed record Response(IReadOnlyList<Subscription> Subscriptions, IReadOnlyList<Delivery> Deliveries);

    public sealed record Subscription
    {
        public long Id { get; init; }
        public string Url { get; init; } = "";
        public string[] Events { get; init; } = [];
        public bool Active { get; init; }
        public string CreatedBy { get; init; } = "";
        public DateTimeOffset CreatedAt { get; init; }
        public string? DeactivatedBy { get; init; }
        public DateTimeOffset? DeactivatedAt { get; init; }
        public string? LastDeliveryStatus { get; init; }
        public DateTimeOffset? LastDeliveryAt { get; init; }
        public int? LastDeliveryStatusCode { get; init; }
        public int FailedDeliveries { get; init; }
    }

    public sealed record Delivery
    {
        public long Id { get; init; }
        public long SubscriptionId { get; init; }
        public string EventType { get; init; } = "";
        public DateTimeOffset CreatedAt { get; init; }
        public string Status { get; init; } = "";
        public int Attempts { get; init; }
        public DateTimeOffset NextAttemptAt { get; init; }
        public DateTimeOffset? DeliveredAt { get; init; }
        public int? LastStatusCode { get; init; }
        public string? LastError { get; init; }
    }

    public sealed class Handler(IDbSession db) : IRequestHandler<Query, Response>
    {
        private const string SubscriptionsSql = """
            select s.id, s.url, s.events, s.active, s.created_by, s.created_at, s.deactivated_by, s.deactivated_at,
                   last.status as last_delivery_status, last.created_at as last_delivery_at, last.last_status_code as last_delivery_status_code,
                   (select count(*)::int from webhook_deliveries f where f.subscription_id = s.id and f.status = 'failed') as failed_deliveries
            from webhook_subscriptions s
            left join lateral (
              select d.status, d.created_at, d.last_status_code from webhook_deliveries d
              where d.subscription_id = s.id order by d.id desc limit 1) last on true
            order by s.id
            """;
        private const string DeliveriesSql = """
            select id, subscription_id, event_type, created_at, status, attempts, next_attempt_at, delivered_at, last_status_code, last_error
            from webhook_deliveries order by id desc limit @Limit offset @Offset
            """;

        public async Task<Response> Handle(Query query, CancellationToken ct) => new(
            [.. await db.Connection.QueryAsync<Subscription>(new CommandDefinition(SubscriptionsSql, transaction: db.Transaction, cancellationToken: ct))],
            [.. await db.Connection.QueryAsync<Delivery>(new CommandDefinition(DeliveriesSql, new { Limit = Math.Clamp(query.Deliveries, 1, 500), Offset = Math.Clamp(query.Offset, 0, 100_000) },
                db.Transaction, cancellationToken: ct))]);
    }
}
