using Dapper;
using HireVet.Application.Common;
using HireVet.Application.Common.Auditing;
using HireVet.Application.Common.Data;
using HireVet.Application.Common.Errors;
using HireVet.Application.Common.Security;
using MediatR;

namespace HireVet.Application.Connectors;

/// <summary>Pause (pulls stop, pushes are answered 503 so the vendor retries later), resume, or remove a connector.
/// A removed connector keeps its log and links for the audit trail; its secrets are erased.</summary>
public static class ChangeConnectorStatus
{
    public const string Active = "active";
    public const string Paused = "paused";
    public const string Removed = "removed";

    public sealed record Command(long Id, string Status) : IRequest<Unit>, ICommand;

    public sealed class Handler(IDbSession db, ICurrentActor actor, AuditScope audit, TimeProvider clock) : IRequestHandler<Command, Unit>
    {
        private const string UpdateSql = """
            update connectors c set status = @Status, changed_by = @Actor, changed_at = @Now,
              secrets_protected = case when @Status = 'removed' then '' else c.secrets_protected end
            from (select id, status from connectors where id = @Id and status <> 'removed' for update) old
            where c.id = old.id
            returning old.status
            """;

        public async Task<Unit> Handle(Command command, CancellationToken ct)
        {
            if (command.Status is not (Active or Paused or Removed)) throw new ArgumentOutOfRangeException(nameof(command));
            var previous = await db.Connection.ExecuteScalarAsync<string?>(new CommandDefinition(UpdateSql,
                new { command.Id, command.Status, Actor = actor.Name, Now = clock.GetUtcNow() }, db.Transaction, cancellationToken: ct))
                ?? throw new NotFoundException("Connector", command.Id);
            audit.Target("connector", command.Id);
            audit.Details["from"] = previous;
            audit.Details["to"] = command.Status;
            return Unit.Value;
        }
    }
}
