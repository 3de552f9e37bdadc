using Dapper;
using HireVet.Application.Common.Data;
using MediatR;

namespace HireVet.Application.Reviews;

/// <summary>The security reviewers (users with the security role), for choosing whose claims the queue shows.</summary>
public static class ListReviewers
{
    public sealed record Query : IRequest<Item[]>;

    public sealed record Item
    {
        public string Username { get; init; } = "";
        public string DisplayName { get; init; } = "";
    }

    public sealed class Handler(IDbSession db) : IRequestHandler<Query, Item[]>
    {
        private const string Sql = "select username, display_name from users where role = 'security' order by display_name, username limit 500";

        public async Task<Item[]> Handle(Query query, CancellationToken ct) =>
            (await db.Connection.QueryAsync<Item>(new CommandDefinition(Sql, transaction: db.Transaction, cancellationToken: ct))).ToArray();
    }
}
