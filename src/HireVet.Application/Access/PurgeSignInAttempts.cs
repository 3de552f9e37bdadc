using Dapper;
using HireVet.Application.Common.Data;
using MediatR;

namespace HireVet.Application.Access;

/// <summary>The scheduler's job (Jobs:SignInAttemptsPurgeCron, daily): deletes sign-in attempts older than the
/// retention (Security:SignInAttemptRetentionDays) through purge_sign_in_attempts, the one way the application can
/// delete them, which never deletes one younger than 30 days. Returns how many went. Not audited: it is routine, and
/// lockouts and unlocks stay in the audit trail.</summary>
public static class PurgeSignInAttempts
{
    public sealed record Command : IRequest<long>;

    public sealed class Handler(IDbSession db, SignInPolicy policy, TimeProvider clock) : IRequestHandler<Command, long>
    {
        public async Task<long> Handle(Command command, CancellationToken ct) =>
            await db.Connection.ExecuteScalarAsync<long>(new CommandDefinition("select purge_sign_in_attempts(@Before)",
                new { Before = clock.GetUtcNow() - policy.Retention }, db.Transaction, cancellationToken: ct));
    }
}
