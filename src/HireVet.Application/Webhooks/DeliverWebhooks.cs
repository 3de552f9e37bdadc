using System.Diagnostics;
using Dapper;
using HireVet.Application.Common;
using HireVet.Application.Common.Data;
using HireVet.Application.Common.Security;
using MediatR;

namespace HireVet.Application.Webhooks;

/// <summary>Sends the webhook deliveries that are due, a few at a time. No transaction is held while a receiver is
/// waited on: one statement claims the due rows (skipping rows another node is claiming) by moving their next attempt a
/// lease ahead, the calls are made, and each result is recorded on its own. A 2xx answer delivers it; anything else is
/// retried with exponential backoff (30 s, 1 min, 2 min, ... up to <see cref="MaxAttempts"/>), and every attempt is
/// logged. A node that dies mid-call leaves its rows claimed until the lease ends; then another node sends them again
/// (receivers tell a repeat by X-HireVet-Delivery). Not an audited command: the delivery log is its record, and a poll
/// that finds nothing writes nothing.</summary>
public static class DeliverWebhooks
{
    public const int MaxAttempts = 8;
    private const int Batch = 20;

    /// <summary>Longer than the HTTP client's 10 s timeout for every claimed row, so a live node's claim never lapses.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    public sealed record Command : IRequest<int>;

    public sealed class Handler(IDbSession db, IWebhookSender sender, ISensitiveData sensitive, TimeProvider clock) : IRequestHandler<Command, int>
    {
        private const string ClaimSql = """
            with due as (
              select id from webhook_deliveries
              where status = 'pending' and next_attempt_at <= @Now
              order by next_attempt_at
              limit @Batch
              for update skip locked)
            update webhook_deliveries d set next_attempt_at = @LeaseEnd
            from due, webhook_subscriptions s
            where d.id = due.id and s.id = d.subscription_id
            returning d.id, d.event_type, d.payload, d.attempts, s.url, s.secret_protected
            """;

        // Recorded only if no other node recorded this attempt first (its claim lapsed and it was sent again).
        private const string RecordSql = """
            with attempt as (
              insert into webhook_attempts (delivery_id, attempt, attempted_at, status_code, error, duration_ms)
              values (@Id, @Attempt, @Now, @StatusCode, @Error, @DurationMs)
              on conflict do nothing
              returning delivery_id)
            update webhook_deliveries
            set attempts = @Attempt, last_status_code = @StatusCode, last_error = @Error,
                status = case when @Delivered then 'delivered' when @Attempt >= @MaxAttempts then 'failed' else 'pending' end,
                delivered_at = case when @Delivered then @Now end,
                next_attempt_at = @NextAttemptAt
            where id = (select delivery_id from attempt) and attempts = @Attempt - 1 and status = 'pending'
            """;

        public async Task<int> Handle(Command command, CancellationToken ct)
        {
            var now = clock.GetUtcNow();
            var due = (await db.Connection.QueryAsync<Due>(new CommandDefinition(ClaimSql, new { Now = now, Batch, LeaseEnd = now + Lease },
                cancellationToken: ct))).OrderBy(d => d.Id).ToArray();
            foreach (var d in due)
            {
                var started = Stopwatch.GetTimestamp();
                var (status, error) = await sender.SendAsync(d.Url, sensitive.Unprotect(d.SecretProtected), d.Id, d.EventType, d.Payload, ct);
                var elapsed = Stopwatch.GetElapsedTime(started);
                var attempt = d.Attempts + 1;
                var delivered = status is >= 200 and < 300;
                var outcome = new TagList
                {
                    { "hirevet.webhook.event", d.EventType },
                    { "hirevet.webhook.outcome", delivered ? "delivered" : attempt >= MaxAttempts ? "failed" : "retrying" },
                };
                HireVetTelemetry.WebhookDeliveries.Add(1, outcome);
                HireVetTelemetry.WebhookDeliveryDuration.Record(elapsed.TotalSeconds, outcome);
                await db.Connection.ExecuteAsync(new CommandDefinition(RecordSql, new
                {
                    d.Id, Attempt = attempt, Now = clock.GetUtcNow(), StatusCode = status, Error = error, Delivered = delivered, MaxAttempts,
                    DurationMs = (int)elapsed.TotalMilliseconds,
                    NextAttemptAt = clock.GetUtcNow() + TimeSpan.FromSeconds(30 * Math.Pow(2, attempt - 1)),
                }, cancellationToken: ct));
            }
            return due.Length;
        }

        private sealed record Due
        {
            public long Id { get; init; }
            public string EventType { get; init; } = "";
            public string Payload { get; init; } = "";
            public int Attempts { get; init; }
            public string Url { get; init; } = "";
            public string SecretProtected { get; init; } = "";
        }
    }
}
