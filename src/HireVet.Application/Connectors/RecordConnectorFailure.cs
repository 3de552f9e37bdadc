using HireVet.Application.Common;
using HireVet.Application.Common.Auditing;
using MediatR;

namespace HireVet.Application.Connectors;

/// <summary>A pull, sync or note that failed at the vendor: the connector's last error and its log say what happened.</summary>
public static class RecordConnectorFailure
{
    public sealed record Command(long ConnectorId, string Activity, string Error, string? Subject = null) : IRequest<MediatR.Unit>, ICommand;

    public sealed class Handler(ConnectorStore store, AuditScope audit, TimeProvider clock) : IRequestHandler<Command, MediatR.Unit>
    {
        public async Task<MediatR.Unit> Handle(Command command, CancellationToken ct)
        {
            var now = clock.GetUtcNow();
            await store.SyncedAsync(command.ConnectorId, now, null, 0, 0, 0, command.Error, ct);
            await store.LogAsync(new ConnectorLogEntry(command.ConnectorId, now, command.Activity, "failed", command.Subject, command.Error), ct);
            audit.Target("connector", command.ConnectorId);
            audit.Details["activity"] = command.Activity;
            audit.Details["error"] = command.Error;
            return MediatR.Unit.Value;
        }
    }
}
