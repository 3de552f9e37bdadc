using System.Data.Common;

namespace HireVet.Application.Common.Data;

/// <summary>The request's connection and, for commands, its transaction. Scoped; opened lazily.</summary>
public interface IDbSession
{
    DbConnection Connection { get; }
    DbTransaction? Transaction { get; }
    Task BeginAsync(CancellationToken ct);
    Task CommitAsync(CancellationToken ct);
    Task RollbackAsync(CancellationToken ct);
}
