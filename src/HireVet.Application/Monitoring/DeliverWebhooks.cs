using System.Diagnostics;
using Dapper;
using HireVet.Application.Common.Data;
using HireVet.Application.Common.Security;
using MediatR;

namespace HireVet.Application.Monitoring;

/// <summary>Sends the webhook deliveries that are due, a few at a time, each row locked while it is sent (nodes split
/// the queue: a row another node holds is skipped). A 2xx answer delivers it; anything else is retried with
/// exponential backoff (30 s, 1 min, 2 min, ... up to <see cref="MaxAttempts"/>), and every attempt is logged. Not an
/// audited command: the delivery log is its record, and a poll that finds nothing writes nothing.</summary>
public static class DeliverWebhooks
{
    public const int MaxAttempts = 8;
    private const int Batch = 20;

    public sealed record Command : IRequest<int>;

    public sealed class Handler(IDbSession db, IWebhookSender sender, ISensitiveData sensitive, TimeProvider clock) : IRequestHandler<Command, int>
    {
        private const string DueSql = """
            select d.id, d.event_type, d.payload, d.attempts, s.url, s.secret_protected
            from webhook_deliveries d join webhook_subscriptions s on s.id = d.subscription_id
            where d.status = 'pending' and d.next_attempt_at <= @Now
            order by d.next_attempt_at
            limit @Batch
            for update of d skip locked
            """;

        private const string RecordSql = """
            insert into webhook_attempts (delivery_id, attempt, attempted_at, status_code, error, duration_ms)
            values (@Id, @Attempt, @Now, @StatusCode, @Error, @DurationMs);
            update webhook_deliveries
            set attempts = @Attempt, last_status_code = @StatusCode, last_error = @Error,
                status = case when @Delivered then 'delivered' when @Attempt >= @MaxAttempts then 'failed' else 'pending' end,
                delivered_at = case when @Delivered then @Now end,
                next_attempt_at = @NextAttemptAt
            where id = @Id
            """;

        public async Task<int> Handle(Command command, CancellationToken ct)
        {
            await db.BeginAsync(ct);
            try
            {
                var now = clock.GetUtcNow();
                var due = (await db.Connection.QueryAsync<Due>(new CommandDefinition(DueSql, new { Now = now, Batch }, db.Transaction, cancellationToken: ct))).ToArray();
                foreach (var d in due)
                {
                    var started = Stopwatch.GetTimestamp();
                    var (status, error) = await sender.SendAsync(d.Url, sensitive.Unprotect(d.SecretProtected), d.Id, d.EventType, d.Payload, ct);
                    var attempt = d.Attempts + 1;
                    var delivered = status is >= 200 and < 300;
                    await db.Connection.ExecuteAsync(new CommandDefinition(RecordSql, new
                    {
                        d.Id, Attempt = attempt, Now = clock.GetUtcNow(), StatusCode = status, Error = error, Delivered = delivered, MaxAttempts,
                        DurationMs = (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds,
                        NextAttemptAt = clock.GetUtcNow() + TimeSpan.FromSeconds(30 * Math.Pow(2, attempt - 1)),
                    }, db.Transaction, cancellationToken: ct));
                }
                await db.CommitAsync(ct);
                return due.Length;
            }
            catch
            {
                await db.RollbackAsync(CancellationToken.None);
                throw;
            }
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
