using System.Diagnostics;
using HireVet.Scale.Reporting;
using Npgsql;

namespace HireVet.Scale.Monitoring;

/// <summary>What PostgreSQL itself does with the rows HireVet just ingested: the same rows, exported in the order they
/// arrived, loaded by bare binary COPY (no HTTP, no parsing, no checks) into the same table with the same indexes, and
/// into a copy of it without indexes. As many sessions load at once as HireVet's upload has writers, each taking every
/// other batch of 10,000 as HireVet's writers do. The indexed load leaves `sign_in_events` as it was (the same rows,
/// received_at included) for the re-screens after it.</summary>
public static class CopyBaseline
{
    public sealed record Result(long Rows, int Sessions, double IndexedSeconds, double BareSeconds)
    {
        public double IndexedRate => Rows / IndexedSeconds;
        public double BareRate => Rows / BareSeconds;
    }

    private const string Columns =
        "source, event_id, principal, worker_id, occurred_at, ip, reported_country, reported_city, user_agent, device_id, succeeded, " +
        "session_id, session_ended_at, received_at";

    public static async Task<Result> MeasureAsync(string connectionString, int sessions, string folder, Action<string> log)
    {
        // Exporting and loading ten million rows takes minutes: no command timeout.
        connectionString = new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0 }.ConnectionString;
        var parts = Enumerable.Range(0, sessions).Select(s => Path.Combine(folder, $"copy-baseline-{s}.bin")).ToArray();
        try
        {
            var rows = await Sql.ScalarAsync<long>(connectionString, "select count(*) from sign_in_events");
            for (var s = 0; s < sessions; s++) await ExportAsync(connectionString, parts[s], s, sessions);
            log($"exported {rows:N0} stored sign-ins for the bare COPY baseline");

            await Sql.ExecuteAsync(connectionString, "drop table if exists sign_in_events_bare; create table sign_in_events_bare (like sign_in_events including defaults including constraints)");
            var bare = await LoadAsync(connectionString, "sign_in_events_bare", parts);
            await Sql.ExecuteAsync(connectionString, "drop table sign_in_events_bare");
            log($"bare COPY without indexes: {rows / bare:N0} rows/s");

            await Sql.ExecuteAsync(connectionString, "truncate sign_in_events");
            var indexed = await LoadAsync(connectionString, "sign_in_events", parts);
            log($"bare COPY with the indexes: {rows / indexed:N0} rows/s");
            await Sql.ExecuteAsync(connectionString, "vacuum analyze sign_in_events");
            return new Result(rows, sessions, indexed, bare);
        }
        finally
        {
            foreach (var part in parts) File.Delete(part);
        }
    }

    /// <summary>Every <paramref name="sessions"/>-th batch of 10,000 rows in time order (the uploads' order; the key's
    /// index gives it without a sort), starting at batch <paramref name="session"/>.</summary>
    private static async Task ExportAsync(string connectionString, string file, int session, int sessions)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var output = File.Create(file);
        await using (var copy = await connection.BeginRawBinaryCopyAsync($"""
            copy (select {Columns} from (select *, row_number() over (order by source, occurred_at, event_id) - 1 as n from sign_in_events) r
                  where n / 10000 % {sessions} = {session} order by n) to stdout (format binary)
            """))
            await copy.CopyToAsync(output);
    }

    /// <summary>Seconds to load the parts at once, one session each, after a checkpoint so that each load starts alike.</summary>
    private static async Task<double> LoadAsync(string connectionString, string table, string[] parts)
    {
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            // Not through Dapper, which calls a one-word statement as a stored procedure.
            await using var checkpoint = new NpgsqlCommand("checkpoint", connection);
            await checkpoint.ExecuteNonQueryAsync();
        }
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(parts.Select(async part =>
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var input = File.OpenRead(part);
            await using var copy = await connection.BeginRawBinaryCopyAsync($"copy {table} ({Columns}) from stdin (format binary)");
            await input.CopyToAsync(copy);
        }));
        return clock.Elapsed.TotalSeconds;
    }
}
