using Dapper;
using HireVet.Application.Common.Data;
using HireVet.Application.Common.Errors;
using MediatR;

namespace HireVet.Application.Rulesets;

/// <summary>One ruleset version with its content, hash and status, for the admin page that shows it.</summary>
public static class GetRuleset
{
    public sealed record Query(string Version) : IRequest<ListRulesets.Item>;

    public sealed class Handler(IDbSession db) : IRequestHandler<Query, ListRulesets.Item>
    {
        private const string Sql = """
            select version, hash, status, created_by, created_at, activated_by, activated_at, content
            from rulesets where version = @Version
            """;

        public async Task<ListRulesets.Item> Handle(Query query, CancellationToken ct) =>
            await db.Connection.QuerySingleOrDefaultAsync<ListRulesets.Item>(new CommandDefinition(Sql, query, db.Transaction, cancellationToken: ct))
            ?? throw new NotFoundException("ruleset", query.Version);
    }
}
