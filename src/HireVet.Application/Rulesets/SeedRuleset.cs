using Dapper;
using HireVet.Application.Common;
using HireVet.Application.Common.Auditing;
using HireVet.Application.Common.Data;
using HireVet.Application.Vetting.Scoring;
using MediatR;

namespace HireVet.Application.Rulesets;

/// <summary>At start-up: stores the shipped ruleset version if the database does not have it, and activates it when no
/// ruleset is active. Idempotent; an operator's own activated ruleset is left alone.</summary>
public static class SeedRuleset
{
    public sealed record Command : IRequest<Unit>, ICommand;

    public sealed class Handler(IDbSession db, AuditScope audit, TimeProvider clock) : IRequestHandler<Command, Unit>
    {
        private const string Sql = """
            insert into rulesets (version, hash, content, status, created_by, created_at, activated_by, activated_at)
            select @Version, @Hash, @Content,
                   case when exists (select 1 from rulesets where status = 'active') then 'draft' else 'active' end,
                   'system', @Now,
                   case when exists (select 1 from rulesets where status = 'active') then null else 'system' end,
                   case when exists (select 1 from rulesets where status = 'active') then null else @Now end
            on conflict (version) do nothing
            returning status
            """;

        public async Task<Unit> Handle(Command command, CancellationToken ct)
        {
            await db.Connection.ExecuteAsync(new CommandDefinition("lock table rulesets in exclusive mode", transaction: db.Transaction, cancellationToken: ct));
            var ruleset = Ruleset.Embedded;
            var status = await db.Connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(Sql,
                new { ruleset.Version, ruleset.Hash, Content = ruleset.Text, Now = clock.GetUtcNow() }, db.Transaction, cancellationToken: ct));
            audit.Target("ruleset", ruleset.Version);
            audit.Details["stored"] = status ?? "already present";
            return Unit.Value;
        }
    }
}
