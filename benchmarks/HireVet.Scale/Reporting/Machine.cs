using System.Runtime.InteropServices;
using Dapper;
using Npgsql;

namespace HireVet.Scale.Reporting;

/// <summary>What the figures were measured on.</summary>
public static class Machine
{
    /// <summary>The 1-minute load average: other work on the machine takes cores from the app and the database.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    public static async Task<string> DescribeAsync(string connectionString)
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var memory = File.Exists("/proc/meminfo")
            ? File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]
            : null;
        await using var db = new NpgsqlConnection(connectionString);
        var postgres = await db.ExecuteScalarAsync<string>("select current_setting('server_version')");
        var buffers = await db.ExecuteScalarAsync<string>("select current_setting('shared_buffers')");
        var fsync = await db.ExecuteScalarAsync<string>("select current_setting('fsync')");
        var wal = await db.ExecuteScalarAsync<string>(
            "select format('max_wal_size %s, checkpoint_timeout %s, wal_compression %s', current_setting('max_wal_size'), current_setting('checkpoint_timeout'), current_setting('wal_compression'))");
        var pages = HugePages.HeldMb() is { } held and > 0 ? $"{held:N0} MB of huge pages held by it" : "in 4 kB pages, no huge pages";
        return $"{Environment.ProcessorCount} cores ({cpu ?? RuntimeInformation.ProcessArchitecture.ToString()}), " +
               $"{(memory is null ? "?" : $"{long.Parse(memory) / 1024 / 1024} GiB")} RAM, {RuntimeInformation.OSDescription}, " +
               $".NET {Environment.Version}, PostgreSQL {postgres} (private cluster, fsync {fsync}, shared_buffers {buffers}, {pages}, {wal}); load generator, web app and PostgreSQL share the machine";
    }
}
