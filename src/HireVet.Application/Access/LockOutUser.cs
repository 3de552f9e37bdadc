using Dapper;
using HireVet.Application.Common;
using HireVet.Application.Common.Auditing;
using HireVet.Application.Common.Data;
using HireVet.Application.Common.Errors;
using MediatR;

namespace HireVet.Application.Access;

/// <summary>The sign-in page locks a user out once their run of wrong passwords reaches the threshold
/// (<see cref="SignInPolicy"/>): until the lockout ends or an admin unlocks them, even the right password is refused.
/// Audited (the actor is the system; the details name the user, the failures, the end and the address of the last
/// failure). Refused with a conflict when the user is already locked out or the run is below the threshold, so a
/// lockout is audited once.</summary>
public static class LockOutUser
{
    public sealed record Command(long UserId, string? RemoteIp) : IRequest<Unit>, ICommand;

    public sealed class Handler(IDbSession db, AuditScope audit, SignInPolicy policy, TimeProvider clock) : IRequestHandler<Command, Unit>
    {
        private const string FindSql = $"select {LockoutState.Columns} from users where id = @UserId for update";

        private const string Sql = "update users set locked_until = @Until where id = @UserId";

        public async Task<Unit> Handle(Command command, CancellationToken ct)
        {
            audit.Target("user", command.UserId);
            var now = clock.GetUtcNow();
            var user = await db.Connection.QuerySingleOrDefaultAsync<LockoutState>(
                new CommandDefinition(FindSql, command, db.Transaction, cancellationToken: ct))
                ?? throw new NotFoundException("user", command.UserId);
            if (policy.IsLocked(user.LockedUntil, now)) throw new ConflictException($"User {user.Username} is already locked out.");
            var failures = policy.CurrentFailures(user.FailedSignIns, user.LastFailedSignInAt, user.LockedUntil, now);
            if (!policy.LocksOut(failures))
                throw new ConflictException($"User {user.Username} has {failures} failed sign-ins in a row, fewer than {policy.LockoutThreshold}.");
            var until = now + policy.LockoutDuration;
            await db.Connection.ExecuteAsync(new CommandDefinition(Sql, new { command.UserId, Until = until }, db.Transaction, cancellationToken: ct));
            audit.Details["username"] = user.Username;
            audit.Details["failedSignIns"] = failures;
            audit.Details["lockedUntil"] = until;
            audit.Details["remoteIp"] = command.RemoteIp;
            return Unit.Value;
        }
    }
}
