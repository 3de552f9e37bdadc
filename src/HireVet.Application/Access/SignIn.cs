using Dapper;
using FluentValidation;
using HireVet.Application.Common.Data;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace HireVet.Application.Access;

/// <summary>Checks a local user's password for the sign-in page and says how the attempt ends (the page records a
/// failure with <see cref="RecordFailedSignIn"/>). A wrong password, an unknown user and a locked-out user (even with
/// the right password) cost the same password hashing and the page answers them alike, so neither the response nor
/// its timing tells whether a user exists or is locked. A disabled user with the right password is told so. A client
/// address with too many recent failures is refused before any password is checked.</summary>
public static class SignIn
{
    public sealed record Query(string? Username, string? Password, string? RemoteIp = null) : IRequest<Result>;

    /// <param name="Outcome">How the attempt ends.</param>
    /// <param name="Username">As typed, trimmed and lower-cased: how users are looked up and attempts recorded.</param>
    /// <param name="UserId">The user the name belongs to, if any.</param>
    /// <param name="User">Set when the password was right and the user may be told about it (succeeded, disabled).</param>
    public sealed record Result(SignInOutcome Outcome, string Username, long? UserId = null, User? User = null);

    /// <summary>SessionEpoch goes into the session cookie: disabling the user advances it, which ends their sessions
    /// (<see cref="CheckSession"/>).</summary>
    public sealed record User(string Username, string DisplayName, string Role, int SessionEpoch = 0, bool Disabled = false);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Username).NotEmpty().MaximumLength(64);
            RuleFor(q => q.Password).NotEmpty().MaximumLength(200);
        }
    }

    public sealed class Handler(IDbSession db, SignInPolicy policy, TimeProvider clock) : IRequestHandler<Query, Result>
    {
        private static readonly PasswordHasher<string> Hasher = new();

        /// <summary>Verified when there is no such user, so that an unknown name costs what a wrong password does.</summary>
        private static readonly string DummyHash = Hasher.HashPassword("", Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)));

        private const string Sql = """
            select id, username, display_name, role, password_hash, session_epoch, disabled_at is not null as disabled, locked_until
            from users where username = @Username
            """;

        private const string AddressFailuresSql = """
            select count(*)::int from sign_in_attempts
            where remote_ip = @RemoteIp and at > @Since and outcome in ('wrong_password', 'unknown_user', 'locked_out')
            """;

        private sealed record Row
        {
            public long Id { get; init; }
            public string Username { get; init; } = "";
            public string DisplayName { get; init; } = "";
            public string Role { get; init; } = "";
            public string PasswordHash { get; init; } = "";
            public int SessionEpoch { get; init; }
            public bool Disabled { get; init; }
            public DateTimeOffset? LockedUntil { get; init; }
        }

        public async Task<Result> Handle(Query query, CancellationToken ct)
        {
            var username = query.Username!.Trim().ToLowerInvariant();
            var now = clock.GetUtcNow();
            var user = await db.Connection.QuerySingleOrDefaultAsync<Row>(
                new CommandDefinition(Sql, new { Username = username }, db.Transaction, cancellationToken: ct));

            if (query.RemoteIp is not null && policy.IpFailureLimit > 0)
            {
                var failures = await db.Connection.ExecuteScalarAsync<int>(new CommandDefinition(AddressFailuresSql,
                    new { query.RemoteIp, Since = now - policy.ObservationWindow }, db.Transaction, cancellationToken: ct));
                if (policy.IpThrottled(failures)) return new Result(SignInOutcome.IpThrottled, username, user?.Id);
            }

            if (user is null)
            {
                Hasher.VerifyHashedPassword("", DummyHash, query.Password!);
                return new Result(SignInOutcome.UnknownUser, username);
            }
            var right = Hasher.VerifyHashedPassword(user.Username, user.PasswordHash, query.Password!) != PasswordVerificationResult.Failed;
            if (policy.IsLocked(user.LockedUntil, now)) return new Result(SignInOutcome.LockedOut, username, user.Id);
            if (!right) return new Result(SignInOutcome.WrongPassword, username, user.Id);
            var found = new User(user.Username, user.DisplayName, user.Role, user.SessionEpoch, user.Disabled);
            return new Result(user.Disabled ? SignInOutcome.Disabled : SignInOutcome.Succeeded, username, user.Id, found);
        }
    }
}
