using Dapper;
using HireVet.Application.Common;
using HireVet.Application.Common.Auditing;
using HireVet.Application.Common.Data;
using HireVet.Application.Common.Security;
using HireVet.Application.Vetting.Scoring;
using MediatR;

namespace HireVet.Application.Rulesets;

/// <summary>An admin uploads a new ruleset version as a draft. The loader validates it, and refuses protected
/// attributes and HR-only weights, before anything is stored.</summary>
public static class SubmitRuleset
{
    public sealed record Command(string Content) : IRequest<Response>, ICommand;

    public sealed record Response
    {
        public string Version { get; init; } = "";
        public string Hash { get; init; } = "";
        public string Status { get; init; } = "";
    }

    public sealed class Handler(IDbSession db, ICurrentActor actor, AuditScope audit, TimeProvider clock) : IRequestHandler<Command, Response>
    {
        private const string Sql = """
            insert into rulesets (version, hash, content, status, created_by, created_at)
            values (@Version, @Hash, @Content, 'draft', @CreatedBy, @Now)
            """;

        public async Task<Response> Handle(Command command, CancellationToken ct)
        {
            var ruleset = Ruleset.Parse(command.Content);
            await db.Connection.ExecuteAsync(new CommandDefinition(Sql, new
            {
                ruleset.Version, ruleset.Hash, Content = ruleset.Text, CreatedBy = actor.Name, Now = clock.GetUtcNow(),
            }, db.Transaction, cancellationToken: ct));
            audit.Target("ruleset", ruleset.Version);
            audit.Details["hash"] = ruleset.Hash;
            return new Response { Version = ruleset.Version, Hash = ruleset.Hash, Status = "draft" };
        }
    }
}
