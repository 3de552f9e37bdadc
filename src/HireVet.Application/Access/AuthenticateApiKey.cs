using System.Security.Cryptography;
using System.Text;
using Dapper;
using HireVet.Application.Common.Data;
using MediatR;

namespace HireVet.Application.Access;

/// <summary>Finds the live API key matching a presented key; null for unknown, malformed or revoked keys.</summary>
public static class AuthenticateApiKey
{
    public sealed record Query(string Key) : IRequest<Caller?>;

    public sealed record Caller(string Name, string Role, long Id = 0);

    /// <summary>Where the web layer remembers a key found valid: by its SHA-256 (as stored), so revoking it can forget it.</summary>
    public static string CacheKey(string keyHash) => "apikey:" + keyHash;

    public sealed class Handler(IDbSession db) : IRequestHandler<Query, Caller?>
    {
        private const string Sql = "select id, name, role, key_hash from api_keys where key_prefix = @Prefix and revoked_at is null";

        public async Task<Caller?> Handle(Query query, CancellationToken ct)
        {
            var parts = query.Key.Split('_', 3);
            if (parts is not ["hv", { Length: 12 } prefix, { Length: > 0 }]) return null;
            var row = await db.Connection.QuerySingleOrDefaultAsync<(long Id, string Name, string Role, string KeyHash)?>(
                new CommandDefinition(Sql, new { Prefix = prefix }, db.Transaction, cancellationToken: ct));
            if (row is null) return null;
            var presented = Encoding.ASCII.GetBytes(CreateApiKey.HashKey(query.Key));
            return CryptographicOperations.FixedTimeEquals(presented, Encoding.ASCII.GetBytes(row.Value.KeyHash))
                ? new Caller($"apikey:{row.Value.Name}", row.Value.Role, row.Value.Id)
                : null;
        }
    }
}
