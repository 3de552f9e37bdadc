namespace HireVet.Application.Common.Data;

/// <summary>Streams rows into a table with PostgreSQL's binary COPY on the session's connection and transaction: the
/// fastest way in for many rows (no SQL per row, no arrays to build and unpack).</summary>
public interface IBulkCopy
{
    Task<ulong> CopyAsync<T>(string table, IReadOnlyList<string> columns, IEnumerable<T> rows, Action<ICopyRow, T> write, CancellationToken ct);
}

/// <summary>One row of a COPY: its values in the order of the columns named.</summary>
public interface ICopyRow
{
    void Text(string? value);
    void Time(DateTimeOffset? value);
    void Boolean(bool value);
    void Number(long? value);
}
