using Dapper;
using HireVet.Application.Common.Data;
using MediatR;

namespace HireVet.Application.Access;

/// <summary>Whether a browser session still stands: its user exists, is not disabled, and the session was started
/// under the user's current session epoch. Asked on every request that carries a session cookie (one index lookup).</summary>
public static class CheckSession
{
    public sealed record Query(string Username, int SessionEpoch) : IRequest<bool>;

    public sealed class Handler(IDbSession db) : IRequestHandler<Query, bool>
    {
        private const string Sql = """
            select exists (select 1 from users where username = @Username and disabled_at is null and session_epoch = @SessionEpoch)
            """;

        public async Task<bool> Handle(Query query, CancellationToken ct) =>
            await db.Connection.ExecuteScalarAsync<bool>(new CommandDefinition(Sql, query, db.Transaction, cancellationToken: ct));
    }
}
