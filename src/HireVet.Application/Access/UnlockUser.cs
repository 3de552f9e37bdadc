using Dapper;
using HireVet.Application.Common;
using HireVet.Application.Common.Auditing;
using HireVet.Application.Common.Data;
using HireVet.Application.Common.Errors;
using MediatR;

namespace HireVet.Application.Access;

/// <summary>An admin unlocks a locked-out user before the lockout ends: they can sign in at once, and their run of
/// wrong passwords starts again from zero. Audited.</summary>
public static class UnlockUser
{
    public sealed record Command(long Id) : IRequest<Unit>, ICommand;

    public sealed class Handler(IDbSession db, AuditScope audit, SignInPolicy policy, TimeProvider clock) : IRequestHandler<Command, Unit>
    {
        private const string FindSql = $"select {LockoutState.Columns} from users where id = @Id for update";

        private const string Sql = "update users set locked_until = null, failed_sign_ins = 0, last_failed_sign_in_at = null where id = @Id";

        public async Task<Unit> Handle(Command command, CancellationToken ct)
        {
            audit.Target("user", command.Id);
            var user = await db.Connection.QuerySingleOrDefaultAsync<LockoutState>(
                new CommandDefinition(FindSql, command, db.Transaction, cancellationToken: ct))
                ?? throw new NotFoundException("user", command.Id);
            if (!policy.IsLocked(user.LockedUntil, clock.GetUtcNow())) throw new ConflictException($"User {user.Username} is not locked out.");
            await db.Connection.ExecuteAsync(new CommandDefinition(Sql, command, db.Transaction, cancellationToken: ct));
            audit.Details["username"] = user.Username;
            audit.Details["lockedUntil"] = user.LockedUntil;
            return Unit.Value;
        }
    }
}
