using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using HireVet.Quality.Running;
using HireVet.Telemetry.Testing;

namespace HireVet.Scale.Load;

/// <summary>The built web application (src/HireVet.Web, Release) as a child process on a free port, with its job
/// servers on, as `./hirevet start` runs it. It exports its traces over OTLP to a receiver of this process, so each
/// command's time inside the application (its MediatR span: pipeline, transaction and audit included) can be set
/// beside the client's latency, and every span's time summed per name: where the time goes.</summary>
public sealed partial class WebProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly OtlpReceiver _telemetry;
    private readonly ConcurrentQueue<string> _problems = new();
    private readonly ConcurrentQueue<string> _tail = new();
    private int _problemContinues;
    private readonly TaskCompletionSource _referenceDataLoaded = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Uri BaseAddress { get; }
    public int ProcessId => _process.Id;
    private static string ContentRoot => Path.Combine(Paths.RepositoryRoot, "src", "HireVet.Web");
    public static string Dll => Path.Combine(Paths.RepositoryRoot, "src", "HireVet.Web", "bin", "Release", "net10.0", "HireVet.Web.dll");

    private WebProcess(Process process, Uri baseAddress, OtlpReceiver telemetry) => (_process, BaseAddress, _telemetry) = (process, baseAddress, telemetry);

    // SQL spans carry their statement: only what the tables need is kept.
    private static bool KeptAttribute(string key) => key is "hirevet.request" or "hirevet.batch.size";

    /// <summary>A cron expression that never fires (Hangfire's Cron.Never(): February 31st), for the scheduled jobs a
    /// benchmark keeps out of its measurement.</summary>
    public const string NeverCron = "0 0 31 2 *";

    public static async Task<WebProcess> StartAsync(string connectionString, Action<string> log, IReadOnlyDictionary<string, string>? settings = null)
    {
        if (!File.Exists(Dll)) throw new InvalidOperationException($"{Dll} is missing: build it with `dotnet build src/HireVet.Web -c Release`.");
        var port = FreePort();
        var info = Start(await ApplicationLoginAsync(connectionString), "--contentRoot", ContentRoot, "--urls", $"http://127.0.0.1:{port}");
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["Logging__LogLevel__HireVet.Infrastructure.ReferenceData.ReferenceDataStore"] = "Information";
        var telemetry = await OtlpReceiver.StartAsync(KeptAttribute);
        // HIREVET_BENCH_TRACES=off measures the app without exporting (the span tables stay empty): what tracing costs.
        if (Environment.GetEnvironmentVariable("HIREVET_BENCH_TRACES") != "off")
            foreach (var (name, value) in telemetry.Environment()) info.Environment[name] = value;
        // Thousands of spans a second under load: a queue and batches big enough that none is dropped.
        info.Environment["OTEL_BSP_MAX_QUEUE_SIZE"] = "262144";
        info.Environment["OTEL_BSP_MAX_EXPORT_BATCH_SIZE"] = "8192";
        info.Environment["OTEL_METRIC_EXPORT_INTERVAL"] = "60000";
        foreach (var (name, value) in settings ?? new Dictionary<string, string>()) info.Environment[name] = value;
        var web = new WebProcess(Process.Start(info)!, new Uri($"http://127.0.0.1:{port}"), telemetry);
        web._process.OutputDataReceived += (_, e) => web.Collect(e.Data);
        web._process.ErrorDataReceived += (_, e) => web.Collect(e.Data);
        web._process.BeginOutputReadLine();
        web._process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (web._process.HasExited) throw new InvalidOperationException($"The web app exited ({web._process.ExitCode}):\n{string.Join('\n', web._tail)}");
            try
            {
                if ((await http.GetAsync(new Uri(web.BaseAddress, "/health"))).IsSuccessStatusCode) break;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            if (clock.Elapsed > TimeSpan.FromMinutes(3)) throw new TimeoutException("The web app did not answer /health within 3 minutes.");
            await Task.Delay(250);
        }
        // Vetting waits for the reference data, so the load starts once it is in.
        await web._referenceDataLoaded.Task.WaitAsync(TimeSpan.FromMinutes(3));
        log($"web app up on {web.BaseAddress} (pid {web.ProcessId}), reference data loaded, after {clock.Elapsed.TotalSeconds:0.0} s");
        return web;
    }

    /// <summary>Creates an API key (HR unless told) through the operator CLI (`admin create-api-key`), which prints it once.</summary>
    public static async Task<string> CreateApiKeyAsync(string connectionString, string name, string role = "hr")
    {
        var (exit, output, error) = await AdminAsync(connectionString, new Dictionary<string, string>(), "create-api-key", "--name", name, "--role", role);
        var key = output.Split('\n', StringSplitOptions.TrimEntries).FirstOrDefault(l => l.StartsWith("hv_", StringComparison.Ordinal));
        return exit == 0 && key is not null ? key : throw new InvalidOperationException($"create-api-key failed ({exit}): {error}{output}");
    }

    /// <summary>Creates a user through the operator CLI (`admin create-user`), the password passed in the environment.</summary>
    public static async Task CreateUserAsync(string connectionString, string username, string role, string password)
    {
        var (exit, output, error) = await AdminAsync(connectionString, new Dictionary<string, string> { ["HIREVET_BENCH_PASSWORD"] = password },
            "create-user", "--username", username, "--role", role, "--password-env", "HIREVET_BENCH_PASSWORD");
        // A kept cluster has the user from an earlier run: the CLI refuses a second one, which is fine here.
        if (exit != 0 && !(error + output).Contains("exists", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"create-user failed ({exit}): {error}{output}");
    }

    /// <summary>Records a full walk of the audit chain through the operator CLI (`admin walk-audit-chain`), as the
    /// scheduler's hourly job does; returns what it printed.</summary>
    public static async Task<string> WalkAuditChainAsync(string connectionString)
    {
        var (exit, output, error) = await AdminAsync(connectionString, new Dictionary<string, string>(), "walk-audit-chain");
        return exit == 0 ? output.Trim() : throw new InvalidOperationException($"walk-audit-chain failed ({exit}): {error}{output}");
    }

    /// <summary>Runs an operator command (`admin ARGS`) to its end, at most 2 minutes. The app takes "admin" only as its
    /// first argument, so the content root is the working folder here, not an option.</summary>
    private static async Task<(int Exit, string Output, string Error)> AdminAsync(string connectionString, IReadOnlyDictionary<string, string> environment,
        params string[] args)
    {
        var info = Start(await ApplicationLoginAsync(connectionString), ["admin", .. args]);
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in environment) info.Environment[name] = value;
        using var cli = Process.Start(info)!;
        var output = cli.StandardOutput.ReadToEndAsync();
        var error = cli.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try { await cli.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException)
        {
            cli.Kill(entireProcessTree: true);
            throw new TimeoutException($"`admin {args[0]}` did not finish within 2 minutes.");
        }
        return (cli.ExitCode, await output, await error);
    }

    /// <summary>A client of this app with an API key; the timeout as given (bulk uploads take minutes).</summary>
    public HttpClient Client(string apiKey, TimeSpan timeout)
    {
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 1000, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        var client = new HttpClient(handler) { BaseAddress = BaseAddress, Timeout = timeout };
        client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }

    private static readonly string ApplicationPassword = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));

    /// <summary>The benchmark holds the owner's connection (it migrates and seeds); the app it starts logs in as
    /// hirevet_app, as in production, with a password this run sets.</summary>
    private static async Task<string> ApplicationLoginAsync(string ownerConnectionString)
    {
        await new HireVet.Infrastructure.Database.MigrationRunner(ownerConnectionString,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<HireVet.Infrastructure.Database.MigrationRunner>.Instance).SetApplicationPasswordAsync(ApplicationPassword);
        return new Npgsql.NpgsqlConnectionStringBuilder(ownerConnectionString)
        {
            Username = HireVet.Infrastructure.Database.AppDataSource.ApplicationRole, Password = ApplicationPassword,
        }.ConnectionString;
    }

    private static ProcessStartInfo Start(string connectionString, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet", [Dll, .. args])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = ContentRoot,
        };
        info.Environment["ConnectionStrings__HireVet"] = connectionString;
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment.Remove("HIREVET_DATABASE_URL");
        return info;
    }

    private void Collect(string? line)
    {
        if (line is null) return;
        if (line.Contains("datasets loaded", StringComparison.Ordinal)) _referenceDataLoaded.TrySetResult();
        _tail.Enqueue(line);
        while (_tail.Count > 40) _tail.TryDequeue(out _);
        if (line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal)
                 || Volatile.Read(ref _problemContinues) > 0)
        {
            // The console logger writes the category on one line and the message on the next ones.
            _problemContinues = line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal) ? 2 : _problemContinues - 1;
            if (_problems.Count < 60) _problems.Enqueue(line);
        }
    }

    /// <summary>The spans that ended between two Stopwatch timestamps (a batch reaches the receiver within a quarter
    /// second of its end, so read the window a moment after it closes).</summary>
    private ReceivedSpan[] SpansBetween(long from, long to)
    {
        var (start, end) = (UnixNanos(from), UnixNanos(to));
        return [.. _telemetry.Spans.Where(s => s.EndNanos >= start && s.EndNanos <= end)];
    }

    private static ulong UnixNanos(long stopwatchTimestamp) =>
        (ulong)(DateTimeOffset.UtcNow - Stopwatch.GetElapsedTime(stopwatchTimestamp)).ToUnixTimeMilliseconds() * 1_000_000;

    /// <summary>Time inside the app per MediatR request between two Stopwatch timestamps, in ms, by feature
    /// ("Candidates.SubmitCandidate"), from the requests' spans.</summary>
    public IReadOnlyDictionary<string, double[]> HandlerTimes(long from, long to) =>
        SpansBetween(from, to).Where(s => s.Attributes.ContainsKey("hirevet.request"))
            .GroupBy(s => Feature(s.Attributes["hirevet.request"]))
            .ToDictionary(g => g.Key, g => g.Select(s => s.Duration.TotalMilliseconds).ToArray());

    private static string Feature(string requestType) =>
        requestType.Replace("HireVet.Application.", "", StringComparison.Ordinal).Split('+')[0];

    /// <summary>Where the time goes between two Stopwatch timestamps: every span name (requests, MediatR requests,
    /// steps, SQL statements, jobs) with its count, total time and median and 95th percentile, most total time first.</summary>
    public IReadOnlyList<SpanSummary> TimeTable(long from, long to) =>
        [.. SpansBetween(from, to).GroupBy(s => s.Name).Select(g =>
        {
            var ms = g.Select(s => s.Duration.TotalMilliseconds).Order().ToArray();
            return new SpanSummary(g.Key, ms.Length, ms.Sum() / 1000, Percentile(ms, 0.50), Percentile(ms, 0.95));
        }).OrderByDescending(r => r.TotalSeconds)];

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    public sealed record SpanSummary(string Name, int Count, double TotalSeconds, double P50Ms, double P95Ms);

    public IReadOnlyCollection<string> Problems => _problems;

    /// <summary>The process's peak resident set (VmHWM), in MiB; null where /proc is not available.</summary>
    public double? PeakWorkingSetMiB()
    {
        var status = $"/proc/{_process.Id}/status";
        if (!File.Exists(status)) return null;
        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? null : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // SIGTERM lets the job servers and the host shut down (and flush their last spans); kill only if that hangs.
            Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)])!.WaitForExit();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try { await _process.WaitForExitAsync(timeout.Token); }
            catch (OperationCanceledException) { _process.Kill(entireProcessTree: true); }
        }
        _process.Dispose();
        await _telemetry.DisposeAsync();
    }
}
