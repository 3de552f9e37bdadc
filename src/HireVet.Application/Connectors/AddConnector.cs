using System.Security.Cryptography;
using System.Text.Json;
using Dapper;
using FluentValidation;
using HireVet.Application.Common;
using HireVet.Application.Common.Auditing;
using HireVet.Application.Common.Behaviours;
using HireVet.Application.Common.Data;
using HireVet.Application.Common.Errors;
using HireVet.Application.Common.Security;
using MediatR;

namespace HireVet.Application.Connectors;

/// <summary>An admin connects an ATS or identity provider. The secrets pasted from the vendor are stored encrypted and
/// never shown again; the secrets HireVet generates for the vendor's side (a Greenhouse web hook's secret key, an Okta
/// Event Hook's authorization header) are shown in this answer only, with the address the vendor should deliver to.</summary>
public static class AddConnector
{
    public sealed record Command : IRequest<Response>, ICommand, IHasSecrets
    {
        public string? Kind { get; init; }
        public string? Name { get; init; }
        public Dictionary<string, string?>? Settings { get; init; }
        public Dictionary<string, string?>? Secrets { get; init; }

        /// <summary>The audit record's digest covers which secrets were given, not their values.</summary>
        public object WithoutSecrets() => this with { Secrets = Secrets?.ToDictionary(s => s.Key, _ => (string?)"(secret)") };
    }

    public sealed record Response(long Id, string Kind, string Name, IReadOnlyDictionary<string, string> GeneratedSecrets, string? DeliveryPath);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Kind).NotEmpty().Must(k => ConnectorKinds.Find(k) is not null)
                .WithMessage($"'kind' must be one of: {string.Join(", ", ConnectorKinds.All.Select(k => k.Name))}.");
            RuleFor(c => c.Name).NotEmpty().MaximumLength(100);
            RuleFor(c => c).Custom((command, context) =>
            {
                if (ConnectorKinds.Find(command.Kind) is not { } kind) return;
                foreach (var (field, message) in ConnectorFields.Problems(kind, command.Settings, command.Secrets))
                    context.AddFailure(field, message);
            });
        }
    }

    public sealed class Handler(IDbSession db, ConnectorStore store, ICurrentActor actor, AuditScope audit, TimeProvider clock)
        : IRequestHandler<Command, Response>
    {
        private const string InsertSql = """
            insert into connectors (kind, name, settings, secrets_protected, created_by, created_at)
            values (@Kind, @Name, @Settings::jsonb, @SecretsProtected, @Actor, @Now)
            on conflict (lower(name)) where status <> 'removed' do nothing
            returning id
            """;

        public async Task<Response> Handle(Command command, CancellationToken ct)
        {
            var kind = ConnectorKinds.Find(command.Kind)!;
            var settings = ConnectorFields.Given(command.Settings);
            var generated = kind.GeneratedSecrets.ToDictionary(f => f.Name, _ => "hv_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)));
            var secrets = ConnectorFields.Given(command.Secrets).Concat(generated).ToDictionary();
            var name = command.Name!.Trim();
            var id = await db.Connection.ExecuteScalarAsync<long?>(new CommandDefinition(InsertSql, new
            {
                Kind = kind.Name, Name = name, Settings = JsonSerializer.Serialize(settings), SecretsProtected = store.ProtectSecrets(secrets),
                Actor = actor.Name, Now = clock.GetUtcNow(),
            }, db.Transaction, cancellationToken: ct))
                ?? throw new ConflictException($"A connector named '{name}' exists already.");
            audit.Target("connector", id);
            audit.Details["kind"] = kind.Name;
            audit.Details["name"] = name;
            audit.Details["settings"] = settings;
            audit.Details["secrets"] = secrets.Keys.Order().ToArray(); // which secrets were set, never their values
            return new Response(id, kind.Name, name, generated, ConnectorFields.DeliveryPath(kind.Name, id));
        }
    }
}
