using Dapper;
using HireVet.Application.Common.Data;
using HireVet.Application.Common.Errors;
using MediatR;

namespace HireVet.Application.Access;

/// <summary>The sign-in page records a failed attempt (who as typed, the user it names, from where, when, how it
/// failed) in sign_in_attempts, and for a wrong password counts it in the user's current run; the failure that reaches
/// the threshold locks the user out (<see cref="LockOutUser"/>, audited). Not an audited command itself: failed
/// attempts come in bulk under attack, and the table is their record. An address refused by the throttle is recorded
/// once per observation window, so a flood from one address adds a few rows, not one per request.</summary>
public static class RecordFailedSignIn
{
    public sealed record Command(SignInOutcome Outcome, string Username, long? UserId, string? RemoteIp, string? UserAgent) : IRequest<Unit>;

    public sealed class Handler(IDbSession db, IMediator mediator, SignInPolicy policy, TimeProvider clock) : IRequestHandler<Command, Unit>
    {
        private const string InsertSql = """
            insert into sign_in_attempts (at, username, user_id, remote_ip, user_agent, outcome)
            select @At, @Username, @UserId, @RemoteIp, @UserAgent, @Outcome
            where @Outcome <> 'ip_throttled' or not exists (
              select 1 from sign_in_attempts where remote_ip = @RemoteIp and outcome = 'ip_throttled' and at > @Since)
            """;

        private const string StateSql = $"select {LockoutState.Columns} from users where id = @Id";

        // Compare-and-set: a concurrent failure for the same user makes this one read again instead of both counting
        // from the same number.
        private const string CountSql = """
            update users set failed_sign_ins = @Failures, last_failed_sign_in_at = @At
            where id = @Id and failed_sign_ins = @Before and last_failed_sign_in_at is not distinct from @BeforeAt
            """;

        public async Task<Unit> Handle(Command command, CancellationToken ct)
        {
            var now = clock.GetUtcNow();
            await db.Connection.ExecuteAsync(new CommandDefinition(InsertSql, new
            {
                At = now,
                Username = SignInOutcomes.Cut(command.Username, 64),
                command.UserId,
                RemoteIp = SignInOutcomes.Cut(command.RemoteIp, 45),
                UserAgent = SignInOutcomes.Cut(command.UserAgent, 200),
                Outcome = SignInOutcomes.Code(command.Outcome),
                Since = now - policy.ObservationWindow,
            }, db.Transaction, cancellationToken: ct));
            if (command is not { Outcome: SignInOutcome.WrongPassword, UserId: { } id }) return Unit.Value;

            for (var attempt = 0; attempt < 10; attempt++)
            {
                var state = await db.Connection.QuerySingleAsync<LockoutState>(
                    new CommandDefinition(StateSql, new { Id = id }, db.Transaction, cancellationToken: ct));
                if (policy.IsLocked(state.LockedUntil, now)) return Unit.Value; // locked by a concurrent failure meanwhile
                var failures = policy.CurrentFailures(state.FailedSignIns, state.LastFailedSignInAt, state.LockedUntil, now) + 1;
                var counted = await db.Connection.ExecuteAsync(new CommandDefinition(CountSql,
                    new { Id = id, Failures = failures, At = now, Before = state.FailedSignIns, BeforeAt = state.LastFailedSignInAt }, db.Transaction, cancellationToken: ct));
                if (counted == 0) continue;
                if (policy.LocksOut(failures))
                {
                    try
                    {
                        await mediator.Send(new LockOutUser.Command(id, command.RemoteIp), ct);
                    }
                    catch (ConflictException)
                    {
                        // A concurrent failure locked the user first; that lockout is the one audited.
                    }
                }
                return Unit.Value;
            }
            return Unit.Value;
        }
    }
}
