using Dapper;
using HireVet.Application.Common;
using HireVet.Application.Common.Auditing;
using HireVet.Application.Common.Data;
using MediatR;

namespace HireVet.Application.Access;

/// <summary>The sign-in page records a successful sign-in: the user's last sign-in time, an attempt that succeeded
/// (from where), the end of their run of wrong passwords, and an audit record with the user as the actor.</summary>
public static class RecordSignIn
{
    public sealed record Command(string Username, string? RemoteIp = null, string? UserAgent = null) : IRequest<Unit>, ICommand;

    public sealed class Handler(IDbSession db, AuditScope audit, TimeProvider clock) : IRequestHandler<Command, Unit>
    {
        private const string Sql = """
            update users set last_sign_in_at = @Now, failed_sign_ins = 0, last_failed_sign_in_at = null, locked_until = null
            where username = @Username returning id
            """;

        private const string AttemptSql = """
            insert into sign_in_attempts (at, username, user_id, remote_ip, user_agent, outcome)
            values (@Now, @Username, @Id, @RemoteIp, @UserAgent, 'succeeded')
            """;

        public async Task<Unit> Handle(Command command, CancellationToken ct)
        {
            var now = clock.GetUtcNow();
            var id = await db.Connection.ExecuteScalarAsync<long?>(new CommandDefinition(Sql, new { command.Username, Now = now },
                db.Transaction, cancellationToken: ct));
            await db.Connection.ExecuteAsync(new CommandDefinition(AttemptSql, new
            {
                Now = now, Username = SignInOutcomes.Cut(command.Username, 64), Id = id,
                RemoteIp = SignInOutcomes.Cut(command.RemoteIp, 45), UserAgent = SignInOutcomes.Cut(command.UserAgent, 200),
            }, db.Transaction, cancellationToken: ct));
            audit.Target("user", (object?)id ?? command.Username);
            if (command.RemoteIp is not null) audit.Details["remoteIp"] = command.RemoteIp;
            return Unit.Value;
        }
    }
}
