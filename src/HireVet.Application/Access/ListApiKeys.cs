using Dapper;
using FluentValidation;
using HireVet.Application.Common.Data;
using MediatR;

namespace HireVet.Application.Access;

/// <summary>API keys for the admin page, newest first, paged: name, role, the lookup prefix (not secret; it names the
/// key in logs and here), who created it and when, its last use, and whether it is revoked. Never the key or its hash.</summary>
public static class ListApiKeys
{
    public sealed record Query(int Limit = 50, int Offset = 0) : IRequest<Item[]>;

    public sealed record Item
    {
        public long Id { get; init; }
        public string Name { get; init; } = "";
        public string Role { get; init; } = "";
        public string KeyPrefix { get; init; } = "";
        public string CreatedBy { get; init; } = "";
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset? LastUsedAt { get; init; }
        public DateTimeOffset? RevokedAt { get; init; }
        public string? RevokedBy { get; init; }
    }

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Limit).InclusiveBetween(1, 200);
            RuleFor(q => q.Offset).InclusiveBetween(0, 100_000);
        }
    }

    public sealed class Handler(IDbSession db) : IRequestHandler<Query, Item[]>
    {
        private const string Sql = """
            select id, name, role, key_prefix, created_by, created_at, last_used_at, revoked_at, revoked_by
            from api_keys
            order by id desc
            limit @Limit offset @Offset
            """;

        public async Task<Item[]> Handle(Query query, CancellationToken ct) =>
            [.. await db.Connection.QueryAsync<Item>(new CommandDefinition(Sql, query, db.Transaction, cancellationToken: ct))];
    }
}
