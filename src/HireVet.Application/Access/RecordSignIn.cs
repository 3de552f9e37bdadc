using Dapper;
using HireVet.Application.Common;
using HireVet.Application.Common.Auditing;
using HireVet.Application.Common.Data;
using MediatR;

namespace HireVet.Application.Access;

/// <summary>The sign-in page records a successful sign-in: the user's last sign-in time, and an audit record with the
/// user as the actor.</summary>
public static class RecordSignIn
{
    public sealed record Command(string Username) : IRequest<Unit>, ICommand;

    public sealed class Handler(IDbSession db, AuditScope audit, TimeProvider clock) : IRequestHandler<Command, Unit>
    {
        private const string Sql = "update users set last_sign_in_at = @Now where username = @Username returning id";

        public async Task<Unit> Handle(Command command, CancellationToken ct)
        {
            var id = await db.Connection.ExecuteScalarAsync<long?>(new CommandDefinition(Sql, new { command.Username, Now = clock.GetUtcNow() },
                db.Transaction, cancellationToken: ct));
            audit.Target("user", (object?)id ?? command.Username);
            return Unit.Value;
        }
    }
}
