using System.Security.Cryptography;
using Dapper;
using FluentValidation;
using HireVet.Application.Common;
using HireVet.Application.Common.Auditing;
using HireVet.Application.Common.Data;
using HireVet.Application.Common.Security;
using MediatR;

namespace HireVet.Application.Webhooks;

/// <summary>An admin subscribes a URL (a SOAR, the identity provider's automation) to HireVet's events. The signing
/// secret is generated here, shown once and stored encrypted; each delivery carries
/// X-HireVet-Signature: sha256=HMAC-SHA256(secret, timestamp + "." + body) and the timestamp.</summary>
public static class CreateWebhook
{
    public sealed record Command : IRequest<Response>, ICommand
    {
        public string? Url { get; init; }
        public string[]? Events { get; init; }
    }

    public sealed record Response(long Id, string Url, string[] Events, string Secret);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Url).NotEmpty().MaximumLength(2000)
                .Must(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http")
                .WithMessage("'url' must be an absolute http or https URL.");
            RuleFor(c => c.Events).NotEmpty()
                .Must(e => e!.All(WebhookOutbox.EventTypes.Contains))
                .WithMessage($"'events' may name: {string.Join(", ", WebhookOutbox.EventTypes)}.");
        }
    }

    public sealed class Handler(IDbSession db, ISensitiveData sensitive, ICurrentActor actor, AuditScope audit, TimeProvider clock)
        : IRequestHandler<Command, Response>
    {
        private const string InsertSql = """
            insert into webhook_subscriptions (url, secret_protected, events, created_by, created_at)
            values (@Url, @SecretProtected, @Events, @CreatedBy, @Now)
            returning id
            """;

        public async Task<Response> Handle(Command command, CancellationToken ct)
        {
            var secret = "whsec_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
            var events = command.Events!.Distinct().ToArray();
            var id = await db.Connection.ExecuteScalarAsync<long>(new CommandDefinition(InsertSql, new
            {
                command.Url, SecretProtected = sensitive.Protect(secret), Events = events, CreatedBy = actor.Name, Now = clock.GetUtcNow(),
            }, db.Transaction, cancellationToken: ct));
            audit.Target("webhook_subscription", id);
            audit.Details["url"] = command.Url;
            audit.Details["events"] = events;
            return new Response(id, command.Url!, events, secret);
        }
    }
}
