using System.Text.Json;
using HireVet.Application.Common.Auditing;
using HireVet.Application.Common.Data;
using HireVet.Application.Common.Security;
using MediatR;

namespace HireVet.Application.Common.Behaviours;

/// <summary>Commands run in one transaction that also appends their audit record; after-commit work runs once the
/// transaction has committed. Queries pass straight through.</summary>
public sealed class TransactionBehaviour<TRequest, TResponse>(
    IDbSession db, AuditScope audit, ICurrentActor actor, AfterCommitQueue afterCommit, TimeProvider clock)
    : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly JsonSerializerOptions DigestJson = new(JsonSerializerDefaults.Web);

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is not ICommand) return await next();
        if (db.Transaction is not null) return await next(); // a command sent from inside another shares its transaction

        await db.BeginAsync(cancellationToken);
        try
        {
            var response = await next();
            await AuditChain.AppendAsync(db, new AuditChain.Entry
            {
                OccurredAt = clock.GetUtcNow(),
                Actor = actor.Name,
                ActorRole = actor.Role,
                Action = ActionName(),
                TargetType = audit.TargetType,
                TargetId = audit.TargetId,
                RequestDigest = AuditChain.Digest(
                    request is IHasSecrets s ? s.WithoutSecrets() : request, request is IHasSecrets ? typeof(object) : typeof(TRequest), DigestJson),
                Details = JsonSerializer.Serialize(audit.Details, DigestJson),
            }, cancellationToken);
            await db.CommitAsync(cancellationToken);
            foreach (var action in afterCommit.Drain()) await action(cancellationToken);
            return response;
        }
        catch
        {
            await db.RollbackAsync(CancellationToken.None);
            afterCommit.Drain();
            throw;
        }
    }

    // Features are static classes holding a nested Command: the feature's name is the action ("SubmitCandidate").
    private static string ActionName() => typeof(TRequest).DeclaringType?.Name ?? typeof(TRequest).Name;
}

/// <summary>A command carrying a secret (a password) digests a copy without it.</summary>
public interface IHasSecrets
{
    object WithoutSecrets();
}
