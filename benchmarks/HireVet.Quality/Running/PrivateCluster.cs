using System.Diagnostics;
using System.Runtime.InteropServices;
using Npgsql;

namespace HireVet.Quality.Running;

/// <summary>A PostgreSQL cluster started with scripts/pg-cluster.sh (as the integration tests do), with fsync off
/// because its data is regenerated rather than kept safe, unless asked to sync as a customer's database does. By default it is thrown away: Dispose stops it and deletes
/// its folder. Given a folder, the cluster is kept there (stopped, not deleted) and reused by the next run.</summary>
public sealed class PrivateCluster : IDisposable
{
    private readonly string _directory;
    private readonly bool _keep;
    private readonly Lock _stopping = new();
    private bool _stopped;

    public string ServerConnectionString { get; }

    private readonly bool _durable;
    private readonly Action? _afterStop;

    /// <param name="durable">fsync, synchronous_commit and full_page_writes on, as PostgreSQL ships them.</param>
    /// <param name="afterStop">Run once the server has stopped (giving back what was set aside for it).</param>
    public PrivateCluster(string? keepIn = null, bool durable = false, Action? afterStop = null)
    {
        _durable = durable;
        _afterStop = afterStop;
        _keep = keepIn is not null;
        // Under /tmp with mode 755: as root the server runs as another user, which must traverse every parent folder.
        _directory = keepIn is null ? Directory.CreateTempSubdirectory("hirevet-quality-").FullName : Directory.CreateDirectory(keepIn).FullName;
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(_directory, (UnixFileMode)0b111_101_101);
        var port = Run("start").Trim();
        var password = File.ReadAllText(Path.Combine(_directory, "pg", "password")).Trim(); // kept there by pg-cluster.sh
        ServerConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Password={password};Database=postgres;Pooling=false";
        // Ctrl+C, a kill or any other exit still stops the cluster (Dispose is idempotent); the signal then ends the process.
        _onSignals = [PosixSignalRegistration.Create(PosixSignal.SIGINT, _ => Dispose()), PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => Dispose())];
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Dispose();
    }

    /// <summary>Kept for the life of the process: the handlers must outlive any one benchmark step.</summary>
    private readonly PosixSignalRegistration[] _onSignals;

    /// <summary>True when the database exists already (a kept cluster from an earlier run).</summary>
    public async Task<bool> HasDatabaseAsync(string name)
    {
        await using var server = new NpgsqlConnection(ServerConnectionString);
        await server.OpenAsync();
        await using var exists = new NpgsqlCommand("select 1 from pg_database where datname = $1", server) { Parameters = { new() { Value = name } } };
        return await exists.ExecuteScalarAsync() is not null;
    }

    public string ConnectionStringFor(string name) =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name, Pooling = true }.ConnectionString;

    /// <summary>Creates an empty database and returns a pooled connection string to it.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        await using (var server = new NpgsqlConnection(ServerConnectionString))
        {
            await server.OpenAsync();
            await using var create = new NpgsqlCommand($"create database \"{name}\"", server);
            await create.ExecuteNonQueryAsync();
        }
        return ConnectionStringFor(name);
    }

    private string Run(string action)
    {
        var script = Path.Combine(Paths.RepositoryRoot, "scripts", "pg-cluster.sh");
        var info = new ProcessStartInfo("bash", [script, action, Path.Combine(_directory, "pg")])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        info.Environment["PG_FAST_UNSAFE"] = _durable ? "0" : "1";
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"pg-cluster.sh {action} failed: {error}{output}");
        return output;
    }

    public void Dispose()
    {
        // Called from the normal end, a signal and process exit, maybe at once: the first call stops the cluster and
        // deletes its folder, and the others wait for it so that the process does not exit half-way.
        lock (_stopping)
        {
            if (_stopped) return;
            _stopped = true;
            NpgsqlConnection.ClearAllPools();
            Run("stop");
            _afterStop?.Invoke();
            if (_keep) return;
            try { Directory.Delete(_directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
