using Dapper;
using HireVet.Application.Common.Data;
using MediatR;

namespace HireVet.Application.Rulesets;

public static class ListRulesets
{
    public sealed record Query : IRequest<Item[]>;

    public sealed record Item
    {
        public string Version { get; init; } = "";
        public string Hash { get; init; } = "";
        public string Status { get; init; } = "";
        public string CreatedBy { get; init; } = "";
        public DateTimeOffset CreatedAt { get; init; }
        public string? ActivatedBy { get; init; }
        public DateTimeOffset? ActivatedAt { get; init; }
        public string Content { get; init; } = "";
    }

    public sealed class Handler(IDbSession db) : IRequestHandler<Query, Item[]>
    {
        private const string Sql = """
            select version, hash, status, created_by, created_at, activated_by, activated_at, content
            from rulesets order by created_at desc, version desc
            """;

        public async Task<Item[]> Handle(Query query, CancellationToken ct) =>
            (await db.Connection.QueryAsync<Item>(new CommandDefinition(Sql, transaction: db.Transaction, cancellationToken: ct))).ToArray();
    }
}
