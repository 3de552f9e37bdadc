using System.Globalization;
using System.Text;
using HireVet.Scale.Load;
using HireVet.Scale.Reporting;

namespace HireVet.Scale.Monitoring;

/// <summary>benchmarks/results/monitoring.md: issue 4's targets against what was measured, then the details.</summary>
public sealed class MonitoringReport
{
    public required MonitoringOptions Options { get; init; }
    public required DateTimeOffset Date { get; init; }
    public required string Machine { get; init; }
    public bool Reused { get; init; }
    public int Workers { get; init; }
    public int Suspicious { get; init; }
    public long GeneratedBytes { get; init; }
    public required IReadOnlyList<MonitoringBenchmark.Upload> Uploads { get; init; }
    public MonitoringBenchmark.Upload? FreshUpload { get; init; }
    public int ChangedWorkers { get; init; }
    public CopyBaseline.Result? Baseline { get; init; }
    public MonitoringBenchmark.Run? Full { get; init; }
    public MonitoringBenchmark.Run? Incremental { get; init; }
    public long StoredSignIns { get; init; }
    public required ResourceSampler.Phase Ingest { get; init; }
    public ResourceSampler.Phase? FullPhase { get; init; }
    public ResourceSampler.Phase? IncrementalPhase { get; init; }
    public double? WebPeakMiB { get; init; }
    public long SignInBytes { get; init; }
    public long DatabaseBytes { get; init; }
    public IReadOnlyList<WebProcess.SpanSummary> IngestSpans { get; init; } = [];
    public IReadOnlyList<WebProcess.SpanSummary> RescreenSpans { get; init; } = [];
    public IReadOnlyCollection<string> WebProblems { get; init; } = [];
    public IReadOnlyList<(string Step, TimeSpan Time)> Timings { get; init; } = [];

    private const double IngestGoal = 50_000;
    private const double FullGoalSeconds = 300;
    private const double IncrementalGoalSeconds = 10;

    public string ToMarkdown()
    {
        var accepted = Uploads.Sum(u => u.Accepted);
        var seconds = Uploads.Sum(u => u.Seconds);
        var rate = accepted / seconds;
        var md = new StringBuilder();
        md.AppendLine("# Post-hire monitoring benchmark").AppendLine();
        md.AppendLine(F($"Run {Date:yyyy-MM-dd HH:mm} UTC with `{Options.CommandLine}`.")).AppendLine();
        md.AppendLine($"Machine: {Machine}.").AppendLine();
        md.AppendLine("| Target (issue 4) | Goal | Measured | |").AppendLine("|---|---|---|---|");
        if (Uploads.Count > 0)
            md.AppendLine(F($"| Sign-in ingestion ({accepted:N0} events over HTTP) | ≥ {IngestGoal:N0} events/s | {rate:N0} events/s | {Mark(rate >= IngestGoal)} |"));
        else md.AppendLine("| Sign-in ingestion | ≥ 50,000 events/s | not run in this invocation (`--scenarios`) | |");
        if (Full is { } full && Incremental is { } incremental)
        {
            md.AppendLine(F($"| Full re-screen of {full.Subjects:N0} workers | ≤ {FullGoalSeconds:0} s | {full.WallSeconds:0.0} s | {Mark(full.WallSeconds <= FullGoalSeconds && full.Processed == full.Subjects)} |"));
            md.AppendLine(F($"| Incremental re-screen after {ChangedWorkers:N0} workers ({Options.ChangedShare:P0}) got new sign-ins | ≤ {IncrementalGoalSeconds:0} s | {incremental.WallSeconds:0.0} s | {Mark(incremental.WallSeconds <= IncrementalGoalSeconds && incremental.Processed == incremental.Subjects)} |"));
        }
        else md.AppendLine("| Full and incremental re-screens | ≤ 300 s, ≤ 10 s | not run in this invocation (`--scenarios`) | |");
        var phases = new[] { Ingest, FullPhase, IncrementalPhase }.OfType<ResourceSampler.Phase>().ToArray();
        md.AppendLine(F($"| Memory | reported | web app peak {WebPeakMiB:N0} MiB resident; PostgreSQL peak {phases.Max(p => p.PostgresMiB):N0} MiB (resident, shared memory once) | |"));
        md.AppendLine();

        md.AppendLine("## Data").AppendLine();
        md.AppendLine(F($"- {Workers:N0} workers: seeded, vetted candidates{(Reused ? " (a kept cluster, reused)" : "")}, each hired (a `workers` row as the hire stores it), signing in from their claimed city's country in its office hours; {Suspicious:N0} of them ({Options.SuspiciousShare:P1}) partly through consumer VPN exits and from a second country."));
        if (Uploads.Count == 0) md.AppendLine(F($"- {StoredSignIns:N0} sign-ins stored by an earlier run's ingest scenario (the kept cluster)."));
        else md.AppendLine(F($"- {accepted:N0} sign-ins over the last 90 days in HireVet's generic NDJSON ({GeneratedBytes / 1024.0 / 1024 / 1024:0.00} GiB), in {Uploads.Count} uploads of one time slice each, time-ordered across all workers as an identity provider exports them; event ids are UUIDs."));
        md.AppendLine(F($"- Stored: `sign_in_events` with its indexes {SignInBytes / 1024.0 / 1024 / 1024:0.00} GiB; database {DatabaseBytes / 1024.0 / 1024 / 1024:0.00} GiB."));
        md.AppendLine();

        if (Uploads.Count > 0) Ingestion(md, accepted, seconds, rate);
        if (Full is { } fullRun && Incremental is { } incrementalRun && FullPhase is { } fullPhase && IncrementalPhase is { } incrementalPhase)
            Rescreening(md, fullRun, incrementalRun, fullPhase, incrementalPhase);

        ReportTail.Append(md, Timings, WebProblems);
        return md.ToString();
    }

    private void Ingestion(StringBuilder md, int accepted, double seconds, double rate)
    {
        md.AppendLine("## Ingestion").AppendLine();
        md.AppendLine("`POST /api/integrations/sign-ins` (NDJSON), one upload after the other, the body streamed from a file.").AppendLine();
        md.AppendLine("| Upload | Size | Received | Accepted | Duplicates | Rejected | Unmatched | Time | Events/s |").AppendLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var u in Uploads)
            md.AppendLine(F($"| {u.File} | {u.Bytes / 1024.0 / 1024:N0} MiB | {u.Received:N0} | {u.Accepted:N0} | {u.Duplicates:N0} | {u.Rejected:N0} | {u.Unmatched:N0} | {u.Seconds:0.0} s | {u.Accepted / u.Seconds:N0} |"));
        md.AppendLine(F($"| **all** | | | **{accepted:N0}** | | | | **{seconds:0.0} s** | **{rate:N0}** |"));
        md.AppendLine();
        if (Baseline is { } b)
        {
            md.AppendLine(F($"**Against PostgreSQL's own floor.** The same {b.Rows:N0} rows, exported in time order (as they were uploaded) and loaded by bare binary COPY in {b.Sessions} sessions at once (as many as the upload's writers, each taking every other batch of 10,000), after a checkpoint, into the same table:")).AppendLine();
            md.AppendLine("| Load | Time | Rows/s | HireVet over HTTP as a share of it |").AppendLine("|---|---|---|---|");
            md.AppendLine(F($"| HireVet, `POST /api/integrations/sign-ins` (parse, check, match workers, store, audit) | {seconds:0.0} s | {rate:N0} | |"));
            md.AppendLine(F($"| bare COPY, `sign_in_events` with its indexes and constraints | {b.IndexedSeconds:0.0} s | {b.IndexedRate:N0} | **{rate / b.IndexedRate:P0}** |"));
            md.AppendLine(F($"| bare COPY, the same table without indexes | {b.BareSeconds:0.0} s | {b.BareRate:N0} | {rate / b.BareRate:P0} |"));
            md.AppendLine();
        }
        md.AppendLine(F($"Peak memory while ingesting: web app {Ingest.WebMiB:N0} MiB resident, PostgreSQL {Ingest.PostgresMiB:N0} MiB resident. {Cpu(Ingest, seconds)}")).AppendLine();
        if (IngestSpans.Count > 0)
        {
            md.AppendLine("Where the ingestion's time goes (every span of the uploads, from the app's traces):").AppendLine();
            SpanTable.Write(md, IngestSpans);
        }
    }

    private void Rescreening(StringBuilder md, MonitoringBenchmark.Run fullRun, MonitoringBenchmark.Run incrementalRun,
        ResourceSampler.Phase fullPhase, ResourceSampler.Phase incrementalPhase)
    {
        md.AppendLine("## Re-screening").AppendLine();
        md.AppendLine("Started with `POST /api/admin/rescreen-runs`; the batches are Hangfire jobs on the re-screening queue of the app's job servers. Wall time runs from the request until the run is seen completed; run time is the run's own started/finished.").AppendLine();
        md.AppendLine("| Run | Subjects | Batches | Processed | Signals | Bands raised | Failures | Status | Wall time | Run time | Subjects/s | Peak web / PostgreSQL | CPU web / PostgreSQL |").AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var (run, mem) in new[] { (fullRun, fullPhase), (incrementalRun, incrementalPhase) })
            md.AppendLine(F($"| {run.Kind} | {run.Subjects:N0} | {run.Batches:N0} | {run.Processed:N0} | {run.Signals:N0} | {run.BandsRaised:N0} | {run.Failures:N0} | {run.Status} | {run.WallSeconds:0.0} s | {run.RunSeconds:0.0} s | {run.Processed / run.WallSeconds:N0} | {mem.WebMiB:N0} / {mem.PostgresMiB:N0} MiB | {mem.WebCpuSeconds:0.0} / {mem.PostgresCpuSeconds:0.0} s |"));
        md.AppendLine();
        if (RescreenSpans.Count > 0)
        {
            md.AppendLine("Where the full run's time goes (every span of the run, from the app's traces):").AppendLine();
            SpanTable.Write(md, RescreenSpans);
        }
        if (FreshUpload is { } fresh)
            md.AppendLine(F($"Before the incremental run, {fresh.Accepted:N0} new sign-ins for {ChangedWorkers:N0} workers were uploaded in {fresh.Seconds:0.0} s.")).AppendLine();
    }

    /// <summary>Where a phase's time went: CPU seconds of each process against the cores the wall time offered.</summary>
    private static string Cpu(ResourceSampler.Phase p, double wallSeconds) => $"CPU: {p.CpuLine(wallSeconds)}.";

    private static string Mark(bool met) => met ? "met" : "**missed**";

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
