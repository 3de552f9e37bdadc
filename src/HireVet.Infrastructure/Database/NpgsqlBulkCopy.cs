using HireVet.Application.Common.Data;
using Npgsql;
using NpgsqlTypes;

namespace HireVet.Infrastructure.Database;

public sealed class NpgsqlBulkCopy(IDbSession session) : IBulkCopy
{
    public async Task<ulong> CopyAsync<T>(string table, IReadOnlyList<string> columns, IEnumerable<T> rows, Action<ICopyRow, T> write, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)session.Connection;
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync(ct);
        await using var importer = await connection.BeginBinaryImportAsync($"copy {table} ({string.Join(", ", columns)}) from stdin (format binary)", ct);
        var row = new Row(importer);
        foreach (var value in rows)
        {
            importer.StartRow();
            write(row, value);
        }
        return await importer.CompleteAsync(ct);
    }

    // The synchronous writes fill Npgsql's buffer and flush it when full; rows are small, so that is rare, and the
    // rows of a batch are in memory already.
    private sealed class Row(NpgsqlBinaryImporter importer) : ICopyRow
    {
        public void Text(string? value)
        {
            if (value is null) importer.WriteNull();
            else importer.Write(value, NpgsqlDbType.Text);
        }

        public void Time(DateTimeOffset? value)
        {
            if (value is null) importer.WriteNull();
            else importer.Write(value.Value.ToUniversalTime(), NpgsqlDbType.TimestampTz);
        }

        public void Boolean(bool value) => importer.Write(value, NpgsqlDbType.Boolean);

        public void Number(long? value)
        {
            if (value is null) importer.WriteNull();
            else importer.Write(value.Value, NpgsqlDbType.Bigint);
        }
    }
}
