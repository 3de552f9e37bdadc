using Dapper;
using HireVet.Application.Common;
using HireVet.Application.Common.Auditing;
using HireVet.Application.Common.Data;
using HireVet.Application.Common.Errors;
using HireVet.Application.Common.Security;
using MediatR;

namespace HireVet.Application.Rulesets;

/// <summary>An admin makes a ruleset version the active one; the previous one is retired. Vetting from then on
/// scores with it, and each assessment records which version and hash it used.</summary>
public static class ActivateRuleset
{
    public sealed record Command(string Version) : IRequest<Unit>, ICommand;

    public sealed class Handler(IDbSession db, ICurrentActor actor, AuditScope audit, TimeProvider clock) : IRequestHandler<Command, Unit>
    {
        private const string Sql = """
            update rulesets set status = 'retired' where status = 'active' and version <> @Version;
            update rulesets set status = 'active', activated_by = @By, activated_at = @Now where version = @Version and status <> 'active';
            """;

        public async Task<Unit> Handle(Command command, CancellationToken ct)
        {
            audit.Target("ruleset", command.Version);
            var status = await db.Connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
                "select status from rulesets where version = @Version for update", command, db.Transaction, cancellationToken: ct))
                ?? throw new NotFoundException("ruleset", command.Version);
            if (status == "active") throw new ConflictException($"Ruleset {command.Version} is already active.");
            await db.Connection.ExecuteAsync(new CommandDefinition(Sql, new { command.Version, By = actor.Name, Now = clock.GetUtcNow() },
                db.Transaction, cancellationToken: ct));
            audit.Details["previousStatus"] = status;
            return Unit.Value;
        }
    }
}
