using Dapper;
using FluentValidation;
using HireVet.Application.Common.Data;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace HireVet.Application.Access;

/// <summary>Checks a local user's password for the sign-in page; returns the user, or null when the username or
/// password is wrong (without saying which). A disabled user with the right password is returned with Disabled set:
/// the page refuses them and says so.</summary>
public static class SignIn
{
    public sealed record Query(string? Username, string? Password) : IRequest<User?>;

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

    public sealed class Handler(IDbSession db) : IRequestHandler<Query, User?>
    {
        private static readonly PasswordHasher<string> Hasher = new();

        private const string Sql = """
            select username, display_name, role, password_hash, session_epoch, disabled_at is not null as disabled
            from users where username = @Username
            """;

        public async Task<User?> Handle(Query query, CancellationToken ct)
        {
            var username = query.Username!.Trim().ToLowerInvariant();
            var row = await db.Connection.QuerySingleOrDefaultAsync<(string Username, string DisplayName, string Role, string PasswordHash, int SessionEpoch, bool Disabled)?>(
                new CommandDefinition(Sql, new { Username = username }, db.Transaction, cancellationToken: ct));
            if (row is not { } user)
            {
                Hasher.HashPassword(username, query.Password!); // the same work as a wrong password: timing does not reveal usernames
                return null;
            }
            return Hasher.VerifyHashedPassword(user.Username, user.PasswordHash, query.Password!) == PasswordVerificationResult.Failed
                ? null
                : new User(user.Username, user.DisplayName, user.Role, user.SessionEpoch, user.Disabled);
        }
    }
}
