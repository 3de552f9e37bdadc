using System.Security.Cryptography;
using System.Text;
using Dapper;
using FluentValidation;
using HireVet.Application.Common;
using HireVet.Application.Common.Auditing;
using HireVet.Application.Common.Data;
using HireVet.Application.Common.Security;
using MediatR;

namespace HireVet.Application.Access;

/// <summary>An admin creates an API key for an integration (an applicant-tracking system, a script) with one role.
/// The key is shown once; only its prefix and SHA-256 are stored (keys are 256-bit random, so a fast hash is enough).</summary>
public static class CreateApiKey
{
    public sealed record Command : IRequest<Response>, ICommand
    {
        public string? Name { get; init; }
        public string? Role { get; init; }
    }

    public sealed record Response
    {
        public long Id { get; init; }
        public string Key { get; init; } = "";
        public string Role { get; init; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Name).NotEmpty().MaximumLength(100);
            RuleFor(c => c.Role).NotEmpty().Must(r => Roles.ForApiKeys.Contains(r)).WithMessage($"'role' must be one of: {string.Join(", ", Roles.ForApiKeys)}.");
        }
    }

    public sealed class Handler(IDbSession db, ICurrentActor actor, AuditScope audit, TimeProvider clock) : IRequestHandler<Command, Response>
    {
        private const string Sql = """
            insert into api_keys (name, role, key_prefix, key_hash, created_by, created_at)
            values (@Name, @Role, @Prefix, @Hash, @CreatedBy, @Now)
            returning id
            """;

        public async Task<Response> Handle(Command command, CancellationToken ct)
        {
            var prefix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
            var key = $"hv_{prefix}_{Base64Url(RandomNumberGenerator.GetBytes(32))}";
            var id = await db.Connection.ExecuteScalarAsync<long>(new CommandDefinition(Sql, new
            {
                command.Name, command.Role, Prefix = prefix, Hash = HashKey(key), CreatedBy = actor.Name, Now = clock.GetUtcNow(),
            }, db.Transaction, cancellationToken: ct));
            audit.Target("api_key", id);
            audit.Details["name"] = command.Name;
            audit.Details["role"] = command.Role;
            return new Response { Id = id, Key = key, Role = command.Role! };
        }
    }

    public static string HashKey(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
