using HireVet.Application.Common;
using HireVet.Application.Common.Auditing;
using HireVet.Application.Common.Errors;
using MediatR;

namespace HireVet.Application.Connectors;

/// <summary>"Test connection": one harmless authenticated call to the vendor with the stored settings and secrets;
/// the answer (and the connector log) says whether it worked and, if not, what the vendor said.</summary>
public static class TestConnector
{
    public sealed record Command(long Id) : IRequest<Response>, ICommand;

    public sealed record Response(bool Ok, string? Problem);

    public sealed class Handler(ConnectorStore store, IVendorClients vendors, AuditScope audit, TimeProvider clock) : IRequestHandler<Command, Response>
    {
        public async Task<Response> Handle(Command command, CancellationToken ct)
        {
            var connector = await store.FindAsync(command.Id, ct) ?? throw new NotFoundException("Connector", command.Id);
            var tested = await vendors.TestAsync(connector, ct);
            var problem = tested.Ok ? null : tested.Message;
            await store.LogAsync(new ConnectorLogEntry(connector.Id, clock.GetUtcNow(), "test", tested.Ok ? "ok" : "failed", Detail: tested.Message), ct);
            audit.Target("connector", connector.Id);
            audit.Details["ok"] = problem is null;
            if (problem is not null) audit.Details["problem"] = problem;
            return new Response(problem is null, problem);
        }
    }
}
