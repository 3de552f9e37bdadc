using System.Collections.Concurrent;
using System.Diagnostics;

namespace HireVet.IntegrationTests.Infrastructure;

/// <summary>The built web application (the same configuration as the tests) as a process of its own on a free port,
/// with its job servers on: a node of a cluster that a test can kill with SIGKILL. It listens on a port the system
/// picks (port 0), read back from its "Now listening on" line, so no other process can take the port in between. Its
/// last lines of output are kept for the test's diagnostics.</summary>
public sealed class NodeProcess : IDisposable
{
    private readonly ConcurrentQueue<string> _output = new();

    private readonly TaskCompletionSource<Uri> _address = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Name { get; }
    public Process Process { get; }
    /// <summary>Known once the node listens (after <see cref="WaitHealthyAsync"/>).</summary>
    public Uri Address => _address.Task.IsCompletedSuccessfully ? _address.Task.Result : throw new InvalidOperationException($"node {Name} is not listening yet");

    private NodeProcess(string name, Process process) => (Name, Process) = (name, process);

    /// <summary>Recovery within seconds: jobs of a dead node come back after 8 s; idle workers look every half second. The
    /// schedules that fire at a time of day never come due, so that a test at 02:00 UTC meets no run it did not start.
    /// Every node starts with these; a test's own settings come on top.</summary>
    public static readonly IReadOnlyDictionary<string, string> FastRecovery = new Dictionary<string, string>
    {
        ["Jobs__InvisibilitySeconds"] = "8",
        ["Jobs__QueuePollMs"] = "500",
        ["Jobs__SchedulePollingSeconds"] = "1",
        ["Jobs__HeartbeatSeconds"] = "2",
        ["Jobs__RescreenCron"] = HireVetFactory.Never,
        ["Jobs__FullRescreenCron"] = HireVetFactory.Never,
        ["Jobs__AuditWalkCron"] = HireVetFactory.Never,
    };

    /// <summary>Starts the node with <see cref="FastRecovery"/> and then <paramref name="settings"/> (environment
    /// variables: Jobs__RescreenWorkers, ...); <paramref name="seed"/> lets it store the shipped ruleset at start-up, as
    /// `./hirevet start` does.</summary>
    public static NodeProcess Start(string name, string connectionString, IDictionary<string, string>? settings = null, bool seed = false)
    {
        var info = new ProcessStartInfo("dotnet", [WebDll(), "--urls", "http://127.0.0.1:0"])
        {
            WorkingDirectory = Path.Combine(PrivatePostgres.RepositoryRoot(), "src", "HireVet.Web"),
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        info.Environment["ConnectionStrings__HireVet"] = connectionString;
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Database__SeedOnStartup"] = seed ? "true" : "false";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        info.Environment["Jobs__NodeName"] = name;
        info.Environment.Remove("HIREVET_DATABASE_URL");
        foreach (var (key, value) in FastRecovery.Concat(settings ?? new Dictionary<string, string>())) info.Environment[key] = value;
        var node = new NodeProcess(name, Process.Start(info)!);
        node.Process.OutputDataReceived += (_, e) => node.Keep(e.Data);
        node.Process.ErrorDataReceived += (_, e) => node.Keep(e.Data);
        node.Process.BeginOutputReadLine();
        node.Process.BeginErrorReadLine();
        return node;
    }

    public string Output => string.Join('\n', _output);

    public async Task WaitHealthyAsync(TimeSpan? within = null)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(60));
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(Process.HasExited, $"node {Name} exited with {(Process.HasExited ? Process.ExitCode : 0)}:\n{Output}");
            try
            {
                if (_address.Task.IsCompleted && (await http.GetAsync(new Uri(Address, "/health"))).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(200);
        }
        throw new TimeoutException($"node {Name} did not answer /health in time:\n{Output}");
    }

    /// <summary>`hirevet admin migrate` as its own process, with the owner's connection, as `./hirevet start` runs it;
    /// returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> MigrateAsync(string ownerConnectionString, string? appPasswordFile = null)
    {
        var (exitCode, output, error) = await RunAsync(["admin", "migrate", .. appPasswordFile is null ? Array.Empty<string>() : ["--app-password-file", appPasswordFile]],
            new Dictionary<string, string> { ["HIREVET_OWNER_DATABASE_URL"] = ownerConnectionString });
        return (exitCode, output + error);
    }

    /// <summary>`hirevet admin ARGS` as its own process, with the application's connection and no key-encryption key
    /// configured; returns its exit code, standard output and standard error apart.</summary>
    public static Task<(int ExitCode, string Output, string Error)> AdminAsync(string connectionString, params string[] args) =>
        RunAsync(["admin", .. args], new Dictionary<string, string> { ["ConnectionStrings__HireVet"] = connectionString, ["ASPNETCORE_ENVIRONMENT"] = "Production" },
            remove: ["DataProtection__KeyEncryptionKeyFile"]);

    /// <summary>The built web application with these arguments, to its exit; HIREVET_DATABASE_URL of this process is not
    /// passed on.</summary>
    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string[] args, IDictionary<string, string> environment,
        string[]? remove = null)
    {
        var info = new ProcessStartInfo("dotnet", [WebDll(), .. args])
        {
            WorkingDirectory = Path.Combine(PrivatePostgres.RepositoryRoot(), "src", "HireVet.Web"),
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        foreach (var (name, value) in environment) info.Environment[name] = value;
        foreach (var name in remove ?? []) info.Environment.Remove(name);
        info.Environment.Remove("HIREVET_DATABASE_URL");
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }

    /// <summary>SIGKILL: no shutdown; its transactions die with its connections.</summary>
    public async Task KillAsync()
    {
        Process.Kill();
        await Process.WaitForExitAsync();
    }

    public void Dispose()
    {
        if (!Process.HasExited) Process.Kill(entireProcessTree: true);
        Process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        const string listening = "Now listening on: ";
        if (line.Contains(listening, StringComparison.Ordinal)) _address.TrySetResult(new Uri(line[(line.IndexOf(listening, StringComparison.Ordinal) + listening.Length)..].Trim()));
        _output.Enqueue($"{Name}: {line}");
        while (_output.Count > 60) _output.TryDequeue(out _);
    }

    private static string WebDll()
    {
        var configuration = Path.GetFileName(Path.GetDirectoryName(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)))!; // Debug or Release
        return Path.Combine(PrivatePostgres.RepositoryRoot(), "src", "HireVet.Web", "bin", configuration, "net10.0", "HireVet.Web.dll");
    }
}
