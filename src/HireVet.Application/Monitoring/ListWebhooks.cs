using Dapper;
using HireVet.Application.Common.Data;
using MediatR;

namespace HireVet.Application.Monitoring;

/// <summary>Webhook subscriptions (never their secrets) and the delivery log: the latest deliveries with each attempt's
/// answer or error.</summary>
public static class ListWebhooks
{
    public sealed record Query(int Deliveries = 50) : IRequest<Response>;

    public sealed record Response(IReadOnlyList<Subscription> Subscriptions, IReadOnlyList<Delivery> Deliveries);

    public sealed record Subscription
    {
        public long Id { get; init; }
        public string Url { get; init; } = "";
        public string[] Events { get; init; } = [];
        public bool Active { get; init; }
        public string CreatedBy { get; init; } = "";
        public DateTimeOffset CreatedAt { get; init; }
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
        private const string SubscriptionsSql = "select id, url, events, active, created_by, created_at from webhook_subscriptions order by id";
        private const string DeliveriesSql = """
            select id, subscription_id, event_type, created_at, status, attempts, next_attempt_at, delivered_at, last_status_code, last_error
            from webhook_deliveries order by id desc limit @Limit
            """;

        public async Task<Response> Handle(Query query, CancellationToken ct) => new(
            [.. await db.Connection.QueryAsync<Subscription>(new CommandDefinition(SubscriptionsSql, transaction: db.Transaction, cancellationToken: ct))],
            [.. await db.Connection.QueryAsync<Delivery>(new CommandDefinition(DeliveriesSql, new { Limit = Math.Clamp(query.Deliveries, 1, 500) },
                db.Transaction, cancellationToken: ct))]);
    }
}
