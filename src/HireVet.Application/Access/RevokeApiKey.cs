using Dapper;
using HireVet.Application.Common;
using HireVet.Application.Common.Auditing;
using HireVet.Application.Common.Data;
using HireVet.Application.Common.Errors;
using HireVet.Application.Common.Security;
using MediatR;
using Microsoft.Extensions.Caching.Memory;

namespace HireVet.Application.Access;

/// <summary>An admin revokes an API key: <see cref="AuthenticateApiKey"/> refuses it from then on. This node forgets it
/// at once (after commit); other nodes, which remember a valid key for 30 seconds, refuse it within that time.</summary>
public static class RevokeApiKey
{
    public sealed record Command(long Id) : IRequest<Unit>, ICommand;

    public sealed class Handler(IDbSession db, ICurrentActor actor, AuditScope audit, IAfterCommit afterCommit, IMemoryCache cache, TimeProvider clock)
        : IRequestHandler<Command, Unit>
    {
        private const string FindSql = "select name, key_hash, revoked_at is not null as revoked from api_keys where id = @Id for update";

        private const string Sql = "update api_keys set revoked_at = @Now, revoked_by = @By where id = @Id";

        public async Task<Unit> Handle(Command command, CancellationToken ct)
        {
            audit.Target("api_key", command.Id);
            var key = await db.Connection.QuerySingleOrDefaultAsync<(string Name, string KeyHash, bool Revoked)?>(
                new CommandDefinition(FindSql, command, db.Transaction, cancellationToken: ct))
                ?? throw new NotFoundException("api key", command.Id);
            if (key.Revoked) throw new ConflictException($"API key {key.Name} is already revoked.");
            await db.Connection.ExecuteAsync(new CommandDefinition(Sql, new { command.Id, Now = clock.GetUtcNow(), By = actor.Name },
                db.Transaction, cancellationToken: ct));
            audit.Details["name"] = key.Name;
            afterCommit.Enqueue(_ =>
            {
                cache.Remove(AuthenticateApiKey.CacheKey(key.KeyHash));
                return Task.CompletedTask;
            });
            return Unit.Value;
        }
    }
}
