using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using HireVet.Application.ReferenceData;
using HireVet.Application.ReferenceData.Network;
using HireVet.Infrastructure.Jobs;
using HireVet.Quality.Corpus;
using HireVet.Quality.Running;
using HireVet.Scale.Load;
using HireVet.Scale.Reporting;
using HireVet.Scale.Seeding;
using Npgsql;

namespace HireVet.Scale.Monitoring;

/// <summary>Issue 4's scale targets: a private PostgreSQL with a hired workforce (seeded candidates, each hired), their
/// sign-ins generated as NDJSON files and uploaded to the running app's integration endpoint, then a full re-screen of
/// everyone and an incremental one after a share of the workers got new sign-ins, both run by the app's clustered
/// scheduler as in production. Memory is sampled throughout. It is a report: targets missed are marked, the exit code
/// stays 0 unless the run fails.</summary>
public static class MonitoringBenchmark
{
    private const string Database = "hirevet_monitoring";
    private const int EventsPerNewWorker = 10;

    public static async Task<int> RunAsync(string[] args)
    {
        MonitoringOptions options;
        try { options = MonitoringOptions.Parse(args); }
        catch (Exception e) when (e is ArgumentException or FormatException) { Console.Error.WriteLine(e.Message); return 2; }
        void Log(string message) => Console.Error.WriteLine($"monitoring: {message}");

        var now = DateTimeOffset.UtcNow;
        var tag = now.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
        var timings = new List<(string, TimeSpan)>();
        var step = Stopwatch.StartNew();
        using var cluster = ScaleCluster.Start(options.KeepDb, options.Fsync, Log);

        var files = Directory.CreateTempSubdirectory("hirevet-monitoring-");
        try
        {
            var kept = await cluster.HasDatabaseAsync(Database);
            var connectionString = kept ? cluster.ConnectionStringFor(Database) : await cluster.CreateDatabaseAsync(Database);
            Workforce.Member[] workforce;
            SignInFiles signIns;
            using (var host = await VettingHost.StartAsync(connectionString))
            {
                var reference = await host.ReferenceDataAsync();
                timings.Add(("start PostgreSQL, migrate, load reference data", step.Elapsed));
                step.Restart();
                if (await Sql.ScalarAsync<long>(connectionString, "select count(*) from candidates") == 0)
                {
                    Log($"seeding {options.Workers:N0} candidates");
                    await Seeder.SeedAsync(connectionString, host, options.Workers, options.Seed, now, Log);
                    timings.Add(($"seed {options.Workers:N0} vetted candidates (COPY)", step.Elapsed));
                    step.Restart();
                }
                var hired = await Workforce.HireEveryoneAsync(connectionString, now);
                if (options.RunIngest)
                {
                    // A kept cluster starts from its workforce alone: the events of the last run go.
                    await Sql.ExecuteAsync(connectionString, """
                        truncate sign_in_events;
                        update workers set events_changed_at = null, rescreened_at = null where events_changed_at is not null or rescreened_at is not null;
                        """);
                    await Sql.ExecuteAsync(connectionString, "vacuum analyze workers");
                }
                else if (await Sql.ScalarAsync<long>(connectionString, "select count(*) from sign_in_events") == 0)
                    throw new InvalidOperationException("The kept cluster has no sign-ins to re-screen: run the ingest scenario first.");
                workforce = await Workforce.LoadAsync(connectionString);
                timings.Add(($"hire {hired:N0} candidates, reset the events", step.Elapsed));
                step.Restart();
                var ips = IpPools.Load(reference.Get<NetworkIntelligence>(Datasets.Network)!);
                signIns = new SignInFiles(workforce, ips, options.SuspiciousShare, options.Seed);
            }

            var window = (From: now.UtcDateTime.AddDays(-90), To: now.UtcDateTime.AddDays(-1));
            var perWorker = (int)Math.Max(1, options.Events / workforce.Length / options.Files);
            var everyone = Enumerable.Range(0, workforce.Length).ToArray();
            var slices = Enumerable.Range(0, options.Files).Select(f => Path.Combine(files.FullName, $"sign-ins-{f:00}.ndjson")).ToArray();
            var generated = new long[options.Files];
            Parallel.For(0, options.RunIngest ? options.Files : 0, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, f =>
            {
                var span = (window.To - window.From) / options.Files;
                generated[f] = signIns.Write(slices[f], everyone, perWorker, window.From + span * f, window.From + span * (f + 1), $"{tag}-{f}");
            });
            var rng = new Random(options.Seed);
            var changed = everyone.OrderBy(_ => rng.Next()).Take((int)Math.Round(workforce.Length * options.ChangedShare)).Order().ToArray();
            var fresh = Path.Combine(files.FullName, "new-sign-ins.ndjson");
            var freshCount = signIns.Write(fresh, changed, EventsPerNewWorker, now.UtcDateTime.AddHours(-20), now.UtcDateTime, $"{tag}-new");
            var bytes = options.RunIngest ? slices.Sum(f => new FileInfo(f).Length) : 0;
            timings.Add(($"generate {generated.Sum():N0} sign-ins ({bytes / 1024.0 / 1024 / 1024:0.0} GiB NDJSON) and {freshCount:N0} new ones", step.Elapsed));
            Log($"generated {generated.Sum():N0} sign-ins in {options.Files} files ({signIns.Suspicious:N0} suspicious workers)");

            step.Restart();
            // A run interrupted with an earlier benchmark (Ctrl-C) left batches the scheduler would recover and run
            // before this run's: they are closed as failed and their queued jobs removed from Hangfire's store (whose
            // tables a new cluster does not have until the app first starts).
            if (await Sql.ScalarAsync<bool>(connectionString, "select to_regclass('hangfire.jobqueue') is not null"))
                await Sql.ExecuteAsync(connectionString, $"""
                update rescreen_batches set status = 'failed', last_error = 'abandoned: the benchmark that started the run was interrupted'
                where status = 'pending';
                update rescreen_runs r set status = 'completed_with_failures', finished_at = now(),
                       failures = (select count(*) from rescreen_batches b where b.run_id = r.id and b.status = 'failed')
                where status = 'running';
                delete from hangfire.job where id in (select jobid from hangfire.jobqueue where queue = '{RescreenBatchJob.Queue}');
                delete from hangfire.jobqueue where queue = '{RescreenBatchJob.Queue}';
                """);
            var integrationKey = await WebProcess.CreateApiKeyAsync(connectionString, $"monitoring-{tag}-integration", "integration");
            var adminKey = await WebProcess.CreateApiKeyAsync(connectionString, $"monitoring-{tag}-admin", "admin");
            // The scheduled crons stay away from the measurement: runs are started by hand, as an admin would.
            await using var web = await WebProcess.StartAsync(connectionString, Log,
                new Dictionary<string, string> { ["Jobs__RescreenCron"] = WebProcess.NeverCron, ["Jobs__FullRescreenCron"] = WebProcess.NeverCron });
            await using var resources = new ResourceSampler(web.ProcessId);
            using var integration = web.Client(integrationKey, Timeout.InfiniteTimeSpan);
            using var admin = web.Client(adminKey, Timeout.InfiniteTimeSpan);
            timings.Add(("create API keys, start the web app", step.Elapsed));
            resources.TakePhase();

            step.Restart();
            var ingestFrom = Stopwatch.GetTimestamp();
            var uploads = new List<Upload>();
            foreach (var file in options.RunIngest ? slices : [])
            {
                uploads.Add(await UploadAsync(integration, file));
                var u = uploads[^1];
                Log($"uploaded {Path.GetFileName(file)}: {u.Accepted:N0} accepted, {u.Rejected:N0} rejected in {u.Seconds:0.0} s ({u.Accepted / u.Seconds:N0}/s)");
            }
            var ingestTo = Stopwatch.GetTimestamp();
            var ingestPhase = resources.TakePhase();
            timings.Add(("ingest", step.Elapsed));
            await Sql.ExecuteAsync(connectionString, "analyze sign_in_events");
            CopyBaseline.Result? baseline = null;
            if (options.RunIngest)
            {
                step.Restart();
                baseline = await CopyBaseline.MeasureAsync(connectionString, HireVet.Application.Ingestion.UploadIngestion.Writers, files.FullName, Log);
                timings.Add(("bare COPY baseline (export, load without and with the indexes)", step.Elapsed));
            }

            Run? full = null, incremental = null;
            Upload? freshUpload = null;
            ResourceSampler.Phase? fullPhase = null, incrementalPhase = null;
            if (options.RunRescreen)
            {
                step.Restart();
                full = await RescreenAsync(admin, connectionString, "full", Log);
                fullPhase = resources.TakePhase();
                timings.Add(("full re-screen", step.Elapsed));

                step.Restart();
                freshUpload = await UploadAsync(integration, fresh);
                incremental = await RescreenAsync(admin, connectionString, "incremental", Log);
                incrementalPhase = resources.TakePhase();
                timings.Add(("new sign-ins for 1% and the incremental re-screen", step.Elapsed));
            }

            var report = new MonitoringReport
            {
                Options = options, Date = now, Baseline = baseline, Machine = await Machine.DescribeAsync(connectionString), Reused = kept, Workers = workforce.Length,
                Suspicious = signIns.Suspicious, GeneratedBytes = bytes, Uploads = uploads, FreshUpload = freshUpload, ChangedWorkers = changed.Length,
                Full = full, Incremental = incremental, Ingest = ingestPhase, FullPhase = fullPhase, IncrementalPhase = incrementalPhase,
                WebPeakMiB = web.PeakWorkingSetMiB(),
                SignInBytes = await Sql.ScalarAsync<long>(connectionString, "select pg_total_relation_size('sign_in_events')"),
                DatabaseBytes = await Sql.ScalarAsync<long>(connectionString, "select pg_database_size(current_database())"),
                StoredSignIns = await Sql.ScalarAsync<long>(connectionString, "select count(*) from sign_in_events"),
                IngestSpans = web.TimeTable(ingestFrom, ingestTo),
                RescreenSpans = full is null ? [] : web.TimeTable(full.Started, full.Finished), WebProblems = [.. web.Problems], Timings = timings,
            };
            await ReportFile.WriteAsync(options.Output, report.ToMarkdown());
            return 0;
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"monitoring: the run failed: {e}");
            return 1;
        }
        finally
        {
            files.Delete(recursive: true);
        }
    }

    public sealed record Upload(string File, long Bytes, int Received, int Accepted, int Duplicates, int Rejected, int Unmatched, double Seconds);

    private static async Task<Upload> UploadAsync(HttpClient client, string file)
    {
        var clock = Stopwatch.StartNew();
        await using var stream = File.OpenRead(file);
        using var content = new StreamContent(stream, 1 << 20);
        content.Headers.ContentType = new("application/x-ndjson");
        using var response = await client.PostAsync("/api/integrations/sign-ins", content);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"Upload of {file} failed: {(int)response.StatusCode} {body}");
        var json = JsonDocument.Parse(body).RootElement;
        int N(string name) => json.GetProperty(name).GetInt32();
        return new Upload(Path.GetFileName(file), new FileInfo(file).Length, N("received"), N("accepted"), N("duplicates"), N("rejected"),
            N("unmatched"), clock.Elapsed.TotalSeconds);
    }

    public sealed record Run(string Kind, long RunId, int Subjects, int Batches, int Processed, int Signals, int BandsRaised, int Failures,
        string Status, double WallSeconds, double RunSeconds, long Started, long Finished);

    /// <summary>Starts a run through the admin API and waits for the scheduler to finish it. The wall time runs from
    /// the request to the moment the run is seen completed (polled every 200 ms); the run time is the app's own
    /// started_at to finished_at.</summary>
    private static async Task<Run> RescreenAsync(HttpClient admin, string connectionString, string kind, Action<string> log)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await admin.PostAsJsonAsync("/api/admin/rescreen-runs", new { kind });
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"Starting a {kind} run failed: {(int)response.StatusCode} {body}");
        var json = JsonDocument.Parse(body).RootElement;
        var runId = json.GetProperty("runId").GetInt64();
        await using var db = new NpgsqlConnection(connectionString);
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var run = await db.QuerySingleAsync<RunRow>(
                "select status, total, batches, processed, signals, bands_raised as bandsraised, failures, extract(epoch from finished_at - started_at)::float8 as seconds " +
                "from rescreen_runs where id = @runId", new { runId });
            if (run.Status != "running")
            {
                var finished = Stopwatch.GetTimestamp();
                log($"{kind} run {runId}: {run.Processed:N0}/{run.Total:N0} in {Stopwatch.GetElapsedTime(started, finished).TotalSeconds:0.0} s, {run.Status}");
                return new Run(kind, runId, run.Total, run.Batches, run.Processed, run.Signals, run.BandsRaised, run.Failures, run.Status,
                    Stopwatch.GetElapsedTime(started, finished).TotalSeconds, run.Seconds ?? 0, started, finished);
            }
            if (deadline.Elapsed > TimeSpan.FromMinutes(60)) throw new TimeoutException($"The {kind} run {runId} did not finish within an hour.");
            if (deadline.Elapsed.TotalSeconds % 15 < 0.2) log($"{kind} run {runId}: {run.Processed:N0}/{run.Total:N0} after {deadline.Elapsed.TotalSeconds:0} s");
            await Task.Delay(200);
        }
    }

    private sealed record RunRow
    {
        public string Status { get; init; } = "";
        public int Total { get; init; }
        public int Batches { get; init; }
        public int Processed { get; init; }
        public int Signals { get; init; }
        public int BandsRaised { get; init; }
        public int Failures { get; init; }
        public double? Seconds { get; init; }
    }
}
