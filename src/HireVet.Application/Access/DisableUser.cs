using Dapper;
using HireVet.Application.Common;
using HireVet.Application.Common.Auditing;
using HireVet.Application.Common.Data;
using HireVet.Application.Common.Errors;
using HireVet.Application.Common.Security;
using MediatR;

namespace HireVet.Application.Access;

/// <summary>An admin disables a user: they can no longer sign in, and their open sessions end at their next request
/// (the session epoch advances, and every cookie request checks it: <see cref="CheckSession"/>). Nothing of theirs is
/// deleted; <see cref="EnableUser"/> undoes it. An admin cannot disable their own account, so an admin is always left.</summary>
public static class DisableUser
{
    public sealed record Command(long Id) : IRequest<Unit>, ICommand;

    public sealed class Handler(IDbSession db, ICurrentActor actor, AuditScope audit, TimeProvider clock) : IRequestHandler<Command, Unit>
    {
        private const string FindSql = "select username, disabled_at is not null as disabled from users where id = @Id for update";

        private const string Sql = """
            update users set disabled_at = @Now, disabled_by = @By, session_epoch = session_epoch + 1
            where id = @Id
            """;

        public async Task<Unit> Handle(Command command, CancellationToken ct)
        {
            audit.Target("user", command.Id);
            var user = await db.Connection.QuerySingleOrDefaultAsync<(string Username, bool Disabled)?>(
                new CommandDefinition(FindSql, command, db.Transaction, cancellationToken: ct))
                ?? throw new NotFoundException("user", command.Id);
            if (user.Username == actor.Name) throw new ForbiddenException("You cannot disable your own account.");
            if (user.Disabled) throw new ConflictException($"User {user.Username} is already disabled.");
            await db.Connection.ExecuteAsync(new CommandDefinition(Sql, new { command.Id, Now = clock.GetUtcNow(), By = actor.Name },
                db.Transaction, cancellationToken: ct));
            audit.Details["username"] = user.Username;
            return Unit.Value;
        }
    }
}
