using Dapper;
using HireVet.Application.Common;
using HireVet.Application.Common.Auditing;
using HireVet.Application.Common.Data;
using HireVet.Application.Common.Errors;
using MediatR;

namespace HireVet.Application.Access;

/// <summary>An admin enables a disabled user again: they can sign in. Sessions they had before being disabled stay
/// ended (disabling advanced the session epoch they carry).</summary>
public static class EnableUser
{
    public sealed record Command(long Id) : IRequest<Unit>, ICommand;

    public sealed class Handler(IDbSession db, AuditScope audit) : IRequestHandler<Command, Unit>
    {
        private const string FindSql = "select username, disabled_at is not null as disabled from users where id = @Id for update";

        private const string Sql = "update users set disabled_at = null, disabled_by = null where id = @Id";

        public async Task<Unit> Handle(Command command, CancellationToken ct)
        {
            audit.Target("user", command.Id);
            var user = await db.Connection.QuerySingleOrDefaultAsync<(string Username, bool Disabled)?>(
                new CommandDefinition(FindSql, command, db.Transaction, cancellationToken: ct))
                ?? throw new NotFoundException("user", command.Id);
            if (!user.Disabled) throw new ConflictException($"User {user.Username} is not disabled.");
            await db.Connection.ExecuteAsync(new CommandDefinition(Sql, command, db.Transaction, cancellationToken: ct));
            audit.Details["username"] = user.Username;
            return Unit.Value;
        }
    }
}
