using System.Security.Cryptography;
using System.Text;
using Dapper;
using HireVet.Application.Common.Data;
using MediatR;

namespace HireVet.Application.Access;

/// <summary>The API records a refused key: its public prefix when the key is well-formed (never the key), whether it
/// is a revoked key or no key at all, from where and when. Not audited: like failed sign-ins, these come in bulk.</summary>
public static class RecordFailedApiKey
{
    public sealed record Command(string Key, string? RemoteIp, string? UserAgent) : IRequest<Unit>;

    /// <summary>The prefix of a key of HireVet's shape (hv_{12 characters}_{secret}); null for anything else, which may
    /// be another system's secret sent by mistake and is not kept at all.</summary>
    public static string? Prefix(string key) => key.Split('_', 3) is ["hv", { Length: 12 } prefix, { Length: > 0 }] ? prefix : null;

    public sealed class Handler(IDbSession db, TimeProvider clock) : IRequestHandler<Command, Unit>
    {
        private const string KeySql = "select key_hash from api_keys where key_prefix = @Prefix and revoked_at is not null";

        private const string InsertSql = """
            insert into sign_in_attempts (at, api_key_prefix, remote_ip, user_agent, outcome)
            values (@At, @Prefix, @RemoteIp, @UserAgent, @Outcome)
            """;

        public async Task<Unit> Handle(Command command, CancellationToken ct)
        {
            var prefix = Prefix(command.Key);
            var revokedHash = prefix is null ? null : await db.Connection.QuerySingleOrDefaultAsync<string?>(
                new CommandDefinition(KeySql, new { Prefix = prefix }, db.Transaction, cancellationToken: ct));
            var revoked = revokedHash is not null && CryptographicOperations.FixedTimeEquals(
                Encoding.ASCII.GetBytes(CreateApiKey.HashKey(command.Key)), Encoding.ASCII.GetBytes(revokedHash));
            await db.Connection.ExecuteAsync(new CommandDefinition(InsertSql, new
            {
                At = clock.GetUtcNow(),
                Prefix = prefix,
                RemoteIp = SignInOutcomes.Cut(command.RemoteIp, 45),
                UserAgent = SignInOutcomes.Cut(command.UserAgent, 200),
                Outcome = SignInOutcomes.Code(revoked ? SignInOutcome.RevokedApiKey : SignInOutcome.InvalidApiKey),
            }, db.Transaction, cancellationToken: ct));
            return Unit.Value;
        }
    }
}
