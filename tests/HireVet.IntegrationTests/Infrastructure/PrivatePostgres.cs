using System.Diagnostics;

namespace HireVet.IntegrationTests.Infrastructure;

/// <summary>A private PostgreSQL cluster for the test run, started with the same script the run command uses, unless
/// HIREVET_TEST_DB names a server to use instead (a superuser's connection string).</summary>
public sealed class PrivatePostgres : IDisposable
{
    private readonly string? _directory;

    public string ServerConnectionString { get; }

    public PrivatePostgres()
    {
        if (Environment.GetEnvironmentVariable("HIREVET_TEST_DB") is { Length: > 0 } external)
        {
            ServerConnectionString = external;
            return;
        }
        // Under /tmp: every parent directory must be traversable by the non-root user that runs the server.
        _directory = Directory.CreateTempSubdirectory("hirevet-tests-").FullName;
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(_directory, (UnixFileMode)0b111_101_101);
        var port = Run("start", Path.Combine(_directory, "pg")).Trim();
        // The cluster requires a password on every connection; the script keeps the superuser's in pg/password.
        var password = File.ReadAllText(Path.Combine(_directory, "pg", "password")).Trim();
        ServerConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Password={password};Database=postgres;Pooling=false";
    }

    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "HireVet.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("HireVet.sln not found above the test output folder.");
    }

    private static string Run(string action, string directory)
    {
        var script = Path.Combine(RepositoryRoot(), "scripts", "pg-cluster.sh");
        var info = new ProcessStartInfo("bash", [script, action, directory]) { RedirectStandardOutput = true, RedirectStandardError = true };
        info.Environment["PG_FAST_UNSAFE"] = "1"; // fsync off: test data is thrown away
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"pg-cluster.sh {action} failed: {error}{output}");
        return output;
    }

    /// <summary>Stops the server (fast: every session is ended) and starts it again on the same port, as an operator's
    /// restart or a failover would. Only the private cluster can be restarted.</summary>
    public void Restart()
    {
        if (_directory is null) throw new InvalidOperationException("HIREVET_TEST_DB names an outside server: restart tests need the private cluster.");
        Run("stop", Path.Combine(_directory, "pg"));
        Run("start", Path.Combine(_directory, "pg"));
    }

    public void Dispose()
    {
        if (_directory is null) return;
        Run("stop", Path.Combine(_directory, "pg"));
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
