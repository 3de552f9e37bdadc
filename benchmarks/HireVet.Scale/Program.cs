using System.Diagnostics;
using HireVet.Quality.Running;
using HireVet.Scale;
using HireVet.Scale.Analysis;
using HireVet.Scale.Load;
using HireVet.Scale.Reporting;
using HireVet.Scale.Seeding;

// Scale benchmark for issue 3's speed targets: a private PostgreSQL seeded with a million vetted candidates as the app
// stores them, the real web app with its scheduler on top, an open-loop POST load, the bulk import, and the plans of
// the app's queries. It is a report: targets not met are marked, and the exit code stays 0 unless the run fails.
if (args is ["monitoring", .. var rest]) return await HireVet.Scale.Monitoring.MonitoringBenchmark.RunAsync(rest);
if (args is ["connectors", .. var more]) return await HireVet.Scale.Connectors.ConnectorsBenchmark.RunAsync(more);

Options options;
try { options = Options.Parse(args); }
catch (Exception e) when (e is ArgumentException or FormatException) { Console.Error.WriteLine(e.Message); return 2; }

void Log(string message) => Console.Error.WriteLine($"scale: {message}");
const string database = "hirevet_scale";
var now = DateTimeOffset.UtcNow;
var runTag = now.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
var timings = new List<(string, TimeSpan)>();
var total = Stopwatch.StartNew();
var step = Stopwatch.StartNew();

using var cluster = ScaleCluster.Start(options.KeepDb, options.Fsync, Log);
try
{
    var kept = await cluster.HasDatabaseAsync(database);
    var connectionString = kept ? cluster.ConnectionStringFor(database) : await cluster.CreateDatabaseAsync(database);
    using var host = await VettingHost.StartAsync(connectionString);
    await host.ReferenceDataAsync();
    timings.Add(("start PostgreSQL, migrate, load reference data", step.Elapsed));

    step.Restart();
    SeedRecord? seed;
    if (await Sql.ScalarAsync<long>(connectionString, "select count(*) from candidates") == 0)
    {
        Log($"seeding {options.Candidates:N0} candidates");
        var result = await Seeder.SeedAsync(connectionString, host, options.Candidates, options.Seed, now, Log);
        seed = new SeedRecord(now, result, await Sql.ScalarAsync<long>(connectionString, "select pg_database_size(current_database())"));
        if (options.KeepDb is { } keep) seed.Save(keep);
        timings.Add(($"seed {options.Candidates:N0} candidates (COPY, indexes, ANALYZE)", step.Elapsed));
    }
    else
    {
        seed = SeedRecord.Load(options.KeepDb);
        Log($"reusing the seeded database kept in {options.KeepDb}");
    }
    var stored = await Sql.ScalarAsync<long>(connectionString, "select count(*) from candidates");
    var seeded = (int)await Sql.ScalarAsync<long>(connectionString, $"select count(*) from candidates where submitted_by = '{RowBuilder.SubmittedBy}'");

    step.Restart();
    var dossiers = await LoadDossiers.CreateAsync(connectionString, host, seeded, options.Seed, options.SharedShare, runTag, now);
    // Every dossier the scenarios will send, checked against the stored identifiers; the bulk scenario's concurrent
    // POSTs get two minutes' worth, and any beyond that go out unchecked (counted in the report).
    await dossiers.PrepareAsync((options.RunPost ? PostScenario.Needed(options) : 0) + (options.RunBulk ? options.BulkWarmup + options.BulkCount + options.Rate * 120 : 0)
        + (options.RunAnalysis ? 50 : 0));
    Log($"prepared dossiers sharing nothing with stored candidates ({dossiers.DroppedAsColliding:N0} generated people dropped as colliding)");
    var progress = new VettingProgress(connectionString);
    PostScenario.Result? post = null;
    BulkScenario.Result? bulk = null;
    double? webPeak = null;
    long? linked = null;
    IReadOnlyCollection<string> problems = [];
    PageScenario.Result? pages = null;
    DecisionHistory.Result? decisions = null;
    string? walk = null;
    if (options.RunPages)
    {
        // The auditor pages need decisions to page through, and a recorded full walk of the chain to continue from.
        step.Restart();
        decisions = await DecisionHistory.EnsureAsync(connectionString, DecisionHistory.Target, Log);
        walk = await WebProcess.WalkAuditChainAsync(connectionString);
        Log(walk);
        timings.Add(("decision history, full walk of the audit chain", step.Elapsed));
    }
    if (options.RunPost || options.RunBulk || options.RunPages)
    {
        if (kept)
        {
            // A kept cluster runs only while a benchmark does, so the autovacuum owed for the rows of earlier runs all
            // falls due at the next start: on 2026-12-07 a vacuum of the assessments and their TOAST ran inside a POST
            // window. A customer's server pays that debt as it goes; here it is paid before measuring.
            step.Restart();
            await Sql.ExecuteAsync(connectionString, "vacuum (analyze)");
            Log("vacuumed and analysed the kept database");
            timings.Add(("vacuum (analyze) the kept database", step.Elapsed));
        }
        step.Restart();
        var warmed = await WarmIndexes.RunAsync(connectionString);
        Log($"loaded {warmed / 1024.0 / 1024 / 1024:0.0} GiB of indexes into shared buffers");
        timings.Add(($"warm the indexes ({warmed / 1024.0 / 1024 / 1024:0.0} GiB, pg_prewarm, smallest first up to three quarters of the buffers)", step.Elapsed));
        step.Restart();
        var key = await WebProcess.CreateApiKeyAsync(connectionString, $"scale-bench-{runTag}");
        // The nightly and weekly re-screens and the hourly walk of the audit chain stay out of the measurement. A kept
        // cluster last served before 02:00 caught up its missed nightly re-screen (all 1.1 million candidates) the
        // moment the app started, in the middle of the POST window.
        await using var web = await WebProcess.StartAsync(connectionString, Log, new Dictionary<string, string>
        {
            ["Jobs__RescreenCron"] = WebProcess.NeverCron, ["Jobs__FullRescreenCron"] = WebProcess.NeverCron,
            ["Jobs__AuditWalkCron"] = WebProcess.NeverCron,
        });
        using var client = web.Client(key, TimeSpan.FromSeconds(60));
        using var bulkClient = web.Client(key, Timeout.InfiniteTimeSpan);
        timings.Add(("start the web app, create an API key", step.Elapsed));
        if (options.RunPages)
        {
            step.Restart();
            pages = await PageScenario.RunAsync(web, connectionString, seeded, options.PageRequests, options.Seed, Log);
            timings.Add(("candidate page scenario", step.Elapsed));
        }
        if (options.RunPost)
        {
            step.Restart();
            post = await PostScenario.RunAsync(client, web, dossiers, progress, connectionString, options, Log);
            timings.Add(("POST scenario (warm-up, window, backlog drain)", step.Elapsed));
        }
        if (options.RunBulk)
        {
            step.Restart();
            bulk = await BulkScenario.RunAsync(client, bulkClient, web, dossiers, options, Log);
            timings.Add(("bulk scenario", step.Elapsed));
        }
        webPeak = web.PeakWorkingSetMiB();
        linked = await LinkCheck.SubmissionsLinkedToSeededAsync(connectionString, $"load-{runTag}-");
        problems = [.. web.Problems];
    }

    ServiceTimes.Result? service = null;
    IReadOnlyList<QueryPlans.Plan> plans = [];
    if (options.RunAnalysis)
    {
        step.Restart();
        Log("timing the commands in process and explaining the app's queries");
        service = await ServiceTimes.RunAsync(host, dossiers, 50);
        plans = await QueryPlans.RunAsync(connectionString);
        timings.Add(("service times and query plans", step.Elapsed));
    }
    timings.Add(("total", total.Elapsed));

    var report = new ScaleReport
    {
        Options = options, Machine = await Machine.DescribeAsync(connectionString), Date = now, StoredCandidates = stored, Seed = seed,
        Reused = kept, Post = post, Bulk = bulk, Pages = pages, Decisions = decisions, Walk = walk, Service = service, Plans = plans, WebPeakMiB = webPeak,
        DatabaseBytesAtEnd = await Sql.ScalarAsync<long>(connectionString, "select pg_database_size(current_database())"),
        WebProblems = problems, Timings = timings, LinkedToSeeded = linked, Submitted = dossiers.Made, SubmittedSharing = dossiers.SharingWithStored,
        DroppedAsColliding = dossiers.DroppedAsColliding, Unchecked = dossiers.Unchecked,
    };
    await ReportFile.WriteAsync(options.Output, report.ToMarkdown());
    return 0;
}
catch (Exception e)
{
    Console.Error.WriteLine($"scale: the run failed: {e}");
    return 1;
}

