using Dapper;
using HireVet.Application.Common.Data;
using MediatR;

namespace HireVet.Application.Access;

/// <summary>Records when an API key was last used. The web layer sends it when it looks a key up in the database,
/// which it does at most every 30 seconds per key and node (valid keys are remembered), so the time is right to within
/// that. Not an audited command: an integration's key would write an audit record every 30 seconds; the column is the
/// record, and the audit trail keeps what the key did.</summary>
public static class RecordApiKeyUse
{
    public sealed record Command(long Id) : IRequest<Unit>;

    public sealed class Handler(IDbSession db, TimeProvider clock) : IRequestHandler<Command, Unit>
    {
        private const string Sql = "update api_keys set last_used_at = @Now where id = @Id";

        public async Task<Unit> Handle(Command command, CancellationToken ct)
        {
            await db.Connection.ExecuteAsync(new CommandDefinition(Sql, new { command.Id, Now = clock.GetUtcNow() }, db.Transaction, cancellationToken: ct));
            return Unit.Value;
        }
    }
}
