using System.Data.Common;
using HireVet.Application.Common.Data;
using Npgsql;

namespace HireVet.Infrastructure.Database;

public sealed class DbSession(AppDataSource dataSource) : IDbSession, IAsyncDisposable
{
    private NpgsqlConnection? _connection;
    private NpgsqlTransaction? _transaction;

    // Left closed until needed: Dapper opens and closes a closed connection around each call, asynchronously.
    public DbConnection Connection => _connection ??= dataSource.Value.CreateConnection();
    public DbTransaction? Transaction => _transaction;

    public async Task BeginAsync(CancellationToken ct)
    {
        _connection ??= dataSource.Value.CreateConnection();
        if (_connection.State != System.Data.ConnectionState.Open) await _connection.OpenAsync(ct);
        _transaction = await _connection.BeginTransactionAsync(ct);
    }

    public async Task CommitAsync(CancellationToken ct)
    {
        if (_transaction is null) return;
        await _transaction.CommitAsync(ct);
        await _transaction.DisposeAsync();
        _transaction = null;
    }

    public async Task RollbackAsync(CancellationToken ct)
    {
        if (_transaction is null) return;
        await _transaction.RollbackAsync(ct);
        await _transaction.DisposeAsync();
        _transaction = null;
    }

    public async ValueTask DisposeAsync()
    {
        if (_transaction is not null) await _transaction.DisposeAsync();
        if (_connection is not null) await _connection.DisposeAsync();
    }
}
