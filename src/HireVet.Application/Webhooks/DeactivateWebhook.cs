using Dapper;
using HireVet.Application.Common;
using HireVet.Application.Common.Auditing;
using HireVet.Application.Common.Data;
using HireVet.Application.Common.Errors;
using HireVet.Application.Common.Security;
using MediatR;

namespace HireVet.Application.Webhooks;

/// <summary>An admin deactivates a webhook subscription: no new event is queued for it, and its deliveries still
/// waiting are cancelled (a delivery being sent right now finishes first: its row is locked until then).</summary>
public static class DeactivateWebhook
{
    public sealed record Command(long Id) : IRequest<Unit>, ICommand;

    public sealed class Handler(IDbSession db, ICurrentActor actor, AuditScope audit, TimeProvider clock) : IRequestHandler<Command, Unit>
    {
        private const string FindSql = "select url, active from webhook_subscriptions where id = @Id for update";

        private const string Sql = """
            update webhook_subscriptions set active = false, deactivated_by = @By, deactivated_at = @Now where id = @Id;
            with cancelled as (
              update webhook_deliveries set status = 'cancelled', last_error = 'The subscription was deactivated.'
              where subscription_id = @Id and status = 'pending'
              returning 1)
            select count(*)::int from cancelled;
            """;

        public async Task<Unit> Handle(Command command, CancellationToken ct)
        {
            audit.Target("webhook_subscription", command.Id);
            var subscription = await db.Connection.QuerySingleOrDefaultAsync<(string Url, bool Active)?>(
                new CommandDefinition(FindSql, command, db.Transaction, cancellationToken: ct))
                ?? throw new NotFoundException("webhook", command.Id);
            if (!subscription.Active) throw new ConflictException($"Webhook {command.Id} is already inactive.");
            var cancelled = await db.Connection.ExecuteScalarAsync<int>(new CommandDefinition(Sql,
                new { command.Id, By = actor.Name, Now = clock.GetUtcNow() }, db.Transaction, cancellationToken: ct));
            audit.Details["url"] = subscription.Url;
            audit.Details["cancelledDeliveries"] = cancelled;
            return Unit.Value;
        }
    }
}
