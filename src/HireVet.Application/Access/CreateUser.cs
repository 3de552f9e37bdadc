using Dapper;
using FluentValidation;
using HireVet.Application.Common;
using HireVet.Application.Common.Auditing;
using HireVet.Application.Common.Behaviours;
using HireVet.Application.Common.Data;
using HireVet.Application.Common.Security;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace HireVet.Application.Access;

/// <summary>An admin (or the admin CLI) creates a local user with a role; the password is stored hashed with ASP.NET
/// Core Identity's PasswordHasher (PBKDF2).</summary>
public static class CreateUser
{
    public sealed record Command : IRequest<long>, ICommand, IHasSecrets
    {
        public string? Username { get; init; }
        public string? DisplayName { get; init; }
        public string? Role { get; init; }
        public string? Password { get; init; }

        public object WithoutSecrets() => this with { Password = null };
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Username).NotEmpty().MaximumLength(64).Matches("^[a-z0-9][a-z0-9._-]*$")
                .WithMessage("'username' must be lower-case letters, digits and . _ - characters.");
            RuleFor(c => c.DisplayName).MaximumLength(200);
            RuleFor(c => c.Role).NotEmpty().Must(Roles.IsHuman).WithMessage($"'role' must be one of: {string.Join(", ", Roles.Human)}.");
            RuleFor(c => c.Password).NotEmpty().MinimumLength(12).MaximumLength(200);
        }
    }

    public sealed class Handler(IDbSession db, AuditScope audit, TimeProvider clock) : IRequestHandler<Command, long>
    {
        private static readonly PasswordHasher<string> Hasher = new();

        private const string Sql = """
            insert into users (username, display_name, role, password_hash, created_at)
            values (@Username, @DisplayName, @Role, @PasswordHash, @Now)
            returning id
            """;

        public async Task<long> Handle(Command command, CancellationToken ct)
        {
            var id = await db.Connection.ExecuteScalarAsync<long>(new CommandDefinition(Sql, new
            {
                command.Username, DisplayName = string.IsNullOrWhiteSpace(command.DisplayName) ? command.Username : command.DisplayName.Trim(),
                command.Role, PasswordHash = Hasher.HashPassword(command.Username!, command.Password!), Now = clock.GetUtcNow(),
            }, db.Transaction, cancellationToken: ct));
            audit.Target("user", id);
            audit.Details["username"] = command.Username;
            audit.Details["role"] = command.Role;
            return id;
        }
    }
}
