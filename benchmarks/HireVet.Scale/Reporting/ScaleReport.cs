using System.Text;
using HireVet.Application.Common.Security;
using HireVet.Application.Dossiers;
using HireVet.Application.Dossiers.Resumes;
using HireVet.Application.Vetting;
using HireVet.Scale.Analysis;
using HireVet.Scale.Load;
using HireVet.Scale.Seeding;

namespace HireVet.Scale.Reporting;

/// <summary>benchmarks/results/scale.md: the issue's targets against what was measured, then the details behind them.</summary>
public sealed class ScaleReport
{
    public required Options Options { get; init; }
    public required string Machine { get; init; }
    public required DateTimeOffset Date { get; init; }
    public required long StoredCandidates { get; init; }
    public SeedRecord? Seed { get; init; }
    /// <summary>True when the run reused a kept cluster instead of seeding.</summary>
    public bool Reused { get; init; }
    public PostScenario.Result? Post { get; init; }
    public BulkScenario.Result? Bulk { get; init; }
    public PageScenario.Result? Pages { get; init; }
    /// <summary>The decisions and audit records the auditor pages read, and the full walk recorded before the pages.</summary>
    public DecisionHistory.Result? Decisions { get; init; }
    public string? Walk { get; init; }
    public ServiceTimes.Result? Service { get; init; }
    public IReadOnlyList<QueryPlans.Plan> Plans { get; init; } = [];
    public double? WebPeakMiB { get; init; }
    public long DatabaseBytesAtEnd { get; init; }
    public IReadOnlyCollection<string> WebProblems { get; init; } = [];
    public long? LinkedToSeeded { get; init; }
    public int Submitted { get; init; }
    public int SubmittedSharing { get; init; }
    public int DroppedAsColliding { get; init; }
    public int Unchecked { get; init; }
    public IReadOnlyList<(string Step, TimeSpan Time)> Timings { get; init; } = [];

    private const double P99Goal = 100;
    private const double BulkGoal = 500;

    public string ToMarkdown()
    {
        var md = new StringBuilder();
        md.AppendLine("# Scale benchmark").AppendLine();
        md.AppendLine($"Run {Date:yyyy-MM-dd HH:mm} UTC with `{Options.CommandLine}`.").AppendLine();
        md.AppendLine($"Machine: {Machine}.").AppendLine();
        md.AppendLine($"Stored candidates when the load started: {StoredCandidates:N0} " +
                      (!Reused ? "(seeded by this run)." : $"(kept cluster reused from `{Options.KeepDb}`{(Seed is null ? "" : $", seeded {Seed.SeededAt:yyyy-MM-dd HH:mm} UTC")}; earlier runs' submissions included)."));
        md.AppendLine();
        md.AppendLine("## Targets (issues 3 and 5)").AppendLine();
        md.AppendLine("| target | measured | goal | met | notes |");
        md.AppendLine("|---|---|---|---|---|");
        if (Post is { } post)
        {
            var l = post.Latency;
            md.AppendLine($"| `POST /api/candidates` p99 at {Options.Rate} requests/s while vetting runs, {StoredCandidates:N0} stored | " +
                          $"{l.P99:0.0} ms | ≤ {P99Goal} ms | {Met(l.P99 <= P99Goal && l.Errors == 0)} | p50 {l.P50:0.0} ms, p95 {l.P95:0.0} ms, max {l.Max:0.0} ms; " +
                          $"{l.Errors} errors of {l.Requests}; {post.AssessedInWindow} vettings completed from the first request to the last response ({post.Seconds:0} s), {post.PendingAfter} pending then |");
        }
        else md.AppendLine("| `POST /api/candidates` p99 | not run | ≤ 100 ms | – | scenario not selected |");
        if (Bulk is { Available: true } bulk)
        {
            md.AppendLine($"| bulk path: candidates vetted a second, with link lookups against {StoredCandidates:N0} stored | {bulk.VettedPerSecond:0} /s | ≥ {BulkGoal} /s | " +
                          $"{Met(bulk.VettedPerSecond >= BulkGoal)} | {bulk.Totals.Vetted:N0} vetted of {bulk.Sent:N0} sent ({bulk.SharingWithStored} sharing an identifier with a stored candidate) in {bulk.Seconds:0.0} s, after a warm-up import of {Options.BulkWarmup:N0} not measured; " +
                          $"{bulk.Totals.Rejected} rejected |");
            var c = bulk.Concurrent!;
            md.AppendLine($"| `POST /api/candidates` p99 at {Options.Rate} requests/s during the bulk import | {c.P99:0.0} ms | ≤ {P99Goal} ms | {Met(c.P99 <= P99Goal && c.Errors == 0)} | " +
                          $"p50 {c.P50:0.0} ms, p95 {c.P95:0.0} ms, max {c.Max:0.0} ms; {c.Errors} errors of {c.Requests} |");
            if (bulk.Cpu is { } cpu && bulk.Totals.Vetted > 0)
                md.AppendLine($"| CPU time of the import ({Environment.ProcessorCount} cores) | {cpu.CpuLine(bulk.Seconds, "load generator and samplers")} | – | – | " +
                              $"per candidate vetted {cpu.CpuPer(bulk.Totals.Vetted)} |");
        }
        else if (Bulk is { } missing)
            md.AppendLine($"| bulk path: candidates vetted a second | not available in this build | ≥ {BulkGoal} /s | – | {missing.Unavailable} |");
        else md.AppendLine($"| bulk path | not run | ≥ {BulkGoal} /s | – | scenario not selected |");
        if (Pages is { } pages)
            md.AppendLine($"| candidate page `/candidates/{{id}}` as a security reviewer, {StoredCandidates:N0} stored (issue 5) | p99 {pages.P99:0.0} ms | ≤ 300 ms | " +
                          $"{Met(pages.P99 <= 300 && pages.Errors == 0)} | {pages.Requests} random seeded candidates one at a time after 20 warm-up requests: p50 {pages.P50:0.0} ms, " +
                          $"p95 {pages.P95:0.0} ms, max {pages.Max:0.0} ms, {pages.Errors} errors; request to last byte on loopback (an upper bound of server time) |");
        md.AppendLine();
        if (Pages is { } workbench)
        {
            md.AppendLine($"## Workbench pages with {StoredCandidates:N0} stored candidates").AppendLine();
            md.AppendLine("Each page as the role that works in it, one request at a time after 3 warm-up requests, request to last byte on loopback.").AppendLine();
            if (Decisions is { } d)
                md.AppendLine($"The database holds {d.Decisions:N0} decisions with {d.Approvals:N0} second reviewers' verdicts and {d.AuditRecords:N0} audit records " +
                              (d.SeededNow ? $"(the decisions seeded by this run in {d.Took.TotalSeconds:0} s: {nameof(DecisionHistory)} writes half a year of reviewers' work on flagged candidates). "
                                           : "(seeded by an earlier run). ") +
                              $"Before the pages, `admin walk-audit-chain` recorded a full walk as the hourly job does: {Walk}").AppendLine();
            md.AppendLine("| page | as | requests | p50 | p95 | max | errors |").AppendLine("|---|---|---|---|---|---|---|");
            foreach (var p in workbench.Pages.Prepend(workbench.HrCandidatePage))
                md.AppendLine($"| `{p.Path}` | {p.Role} | {p.Requests} | {p.P50:0.0} ms | {p.P95:0.0} ms | {p.Max:0.0} ms | {p.Errors} |");
            md.AppendLine();
        }

        Seeding(md);
        PostDetails(md);
        md.AppendLine("## Memory and size").AppendLine();
        md.AppendLine("| what | measured |").AppendLine("|---|---|");
        md.AppendLine($"| web process peak resident set (VmHWM) | {(WebPeakMiB is { } peak ? $"{peak:N0} MiB" : "not measured")} |");
        md.AppendLine($"| database size after seeding (`pg_database_size`) | {Mib(Seed?.DatabaseBytes ?? 0)} |");
        md.AppendLine($"| database size at the end | {Mib(DatabaseBytesAtEnd)} |");
        md.AppendLine();
        WhereTheTimeGoes(md);
        if (WebProblems.Count > 0)
        {
            md.AppendLine("## Errors the web app logged").AppendLine().AppendLine("```");
            foreach (var line in WebProblems.Take(20)) md.AppendLine(line);
            md.AppendLine("```").AppendLine();
        }
        md.AppendLine("## Run time").AppendLine().AppendLine("| step | time |").AppendLine("|---|---|");
        foreach (var (step, time) in Timings) md.AppendLine($"| {step} | {time.TotalSeconds:N1} s |");
        return md.ToString();
    }

    private void Seeding(StringBuilder md)
    {
        md.AppendLine("## Seeded database").AppendLine();
        if (Seed is not { Result: var seed })
        {
            md.AppendLine("Reused a kept cluster (`--keep-db`) with no record of its seeding.").AppendLine();
            return;
        }
        if (Reused) md.AppendLine($"Seeded by an earlier run ({Seed.SeededAt:yyyy-MM-dd HH:mm} UTC) into the kept cluster; its figures:").AppendLine();
        md.AppendLine($"{seed.Candidates:N0} candidates generated (seed {Options.Seed}) with the quality corpus's person factory: about 1% in households of 2–3 " +
                      "sharing a home and often its connection, about 3 rings of 3–6 per 1,000 candidates sharing a phone or a bank account, every other " +
                      "identifier unique. Rows are the app's own: dossiers normalised, redacted and serialised with `DossierJson.Options`, sensitive fields " +
                      "protected one by one with the app's Data Protection, identifiers hashed with the app's `ISensitiveData.KeyedHash` (the key the web app " +
                      "reads from the same database), MinHash fingerprints and LSH bands from `ResumeFingerprint`. Household and ring members are assessed by " +
                      "the app's vetting engine with their group as shared identifiers and ring; people on their own carry one of 256 real assessments of other " +
                      "generated people (same size and shape; vetting a million dossiers one by one would take hours). No audit records are seeded.");
        md.AppendLine();
        var copyRate = seed.Rows / seed.Copy.TotalSeconds;
        md.AppendLine("| table | rows |").AppendLine("|---|---|");
        foreach (var (table, rows) in seed.RowsByTable) md.AppendLine($"| {table} | {rows:N0} |");
        md.AppendLine();
        md.AppendLine($"Generate, encrypt, hash and binary COPY: {seed.Copy.TotalSeconds:N0} s ({seed.Candidates / seed.Copy.TotalSeconds:N0} candidates/s, " +
                      $"{copyRate:N0} rows/s; of that, generating people took {seed.Generating.TotalSeconds:N0} s on one thread and building the rows " +
                      $"{seed.Building.TotalSeconds:N0} s of CPU on the others); secondary indexes and the dashboard's counts built afterwards: {seed.Indexes.TotalSeconds:N0} s; ANALYZE: {seed.Analyze.TotalSeconds:N0} s; " +
                      $"total {(seed.Copy + seed.Indexes + seed.Analyze).TotalSeconds:N0} s.");
        md.AppendLine();
    }

    private void PostDetails(StringBuilder md)
    {
        if (Post is not { } post) return;
        md.AppendLine("## POST under load").AppendLine();
        md.AppendLine($"Open loop: {Options.Rate} requests/s on a fixed schedule for {Options.Seconds} s after a {Options.WarmupSeconds} s warm-up (not counted); " +
                      "latency counted from each request's scheduled time. Every request is a new generated dossier; " +
                      $"{post.SharingWithStored} of the measured ones reuse a stored candidate's phone, bank account or shipping address (so the ring walk and re-vets run).");
        md.AppendLine();
        md.AppendLine("| what | measured |").AppendLine("|---|---|");
        var l = post.Latency;
        md.AppendLine($"| requests | {l.Requests} ({l.AchievedRate:0.0}/s), {l.Errors} errors |");
        md.AppendLine($"| latency | p50 {l.P50:0.0} ms, p95 {l.P95:0.0} ms, p99 {l.P99:0.0} ms, max {l.Max:0.0} ms |");
        foreach (var (error, times) in l.TopErrors) md.AppendLine($"| failed: {times} × | `{Escape(error)}` |");
        md.AppendLine($"| 1-minute load average of the machine (2 cores shared by load generator, app and PostgreSQL) | {post.LoadBefore} at the start of the window, {post.LoadAfter} at its end |");
        md.AppendLine($"| candidates with vetting completed | {post.CompletedBefore:N0} before, {post.CompletedAfter:N0} after the window |");
        md.AppendLine($"| assessments written by background vetting from the first request to the last response ({post.Seconds:0} s) | {post.AssessedInWindow:N0} ({post.AssessedInWindow / post.Seconds:0.0}/s against {Options.Rate}/s submitted) |");
        md.AppendLine($"| pending vetting after the last response | {post.PendingAfter:N0} |");
        md.AppendLine($"| pending vetting every 10 s of the window | {string.Join(", ", post.PendingOverWindow.Select(p => $"{p.Pending:N0} at {p.Second} s"))} |");
        md.AppendLine($"| CPU time in the window ({Environment.ProcessorCount} cores) | {post.Cpu.CpuLine(post.Seconds, "load generator and samplers")}; " +
                      $"per submission {post.Cpu.CpuPer(post.Latency.Requests)}, its vetting included |");
        if (LinkedToSeeded is { } linked)
            md.AppendLine($"| submissions the app linked to a seeded candidate by identifier hash (same key and normalisation as the seeder) | " +
                          $"{linked:N0} (of {SubmittedSharing:N0} generated to share one, {Submitted:N0} generated in all; " +
                          $"{DroppedAsColliding:N0} generated people dropped before the run because an identifier of theirs was stored already, " +
                          $"{Unchecked:N0} handed out unchecked) |");
        md.AppendLine($"| backlog afterwards | {(post.Drain.Drained ? "drained" : $"{post.Drain.Left:N0} still pending")} after {post.Drain.Elapsed.TotalSeconds:0} s, " +
                      $"{post.AssessedInDrain:N0} assessments ({post.AssessedInDrain / Math.Max(1, post.Drain.Elapsed.TotalSeconds):0.0}/s with no submissions) |");
        md.AppendLine();
    }

    private void WhereTheTimeGoes(StringBuilder md)
    {
        md.AppendLine("## Where the time goes").AppendLine();
        if (Post is { Light: var light })
        {
            md.AppendLine($"At a light {light.Rate} requests/s first (nothing queues; vetting of those submissions runs alongside): POST " +
                          $"p50 {light.Latency.P50:0.0} ms, p95 {light.Latency.P95:0.0} ms, p99 {light.Latency.P99:0.0} ms, {light.Latency.Errors} errors. Inside the app:").AppendLine();
            foreach (var (feature, ms) in light.HandlerTimes.OrderBy(kv => kv.Key)) md.AppendLine($"- `{feature}`: {Latency.Summary(ms)}");
            md.AppendLine();
            md.AppendLine("Every span of that light window (the web app's traces over OTLP):").AppendLine();
            SpanTable.Write(md, light.Spans);
        }
        if (Post is { } post)
        {
            md.AppendLine($"At {Options.Rate} requests/s, time inside the app per command during the POST window (each MediatR request's span: handler, " +
                          "validation, transaction and audit, from the app's traces; the rest of the client latency is HTTP, authentication, " +
                          "waiting for a thread and a connection):").AppendLine();
            foreach (var (feature, ms) in post.HandlerTimes.OrderBy(kv => kv.Key)) md.AppendLine($"- `{feature}`: {Latency.Summary(ms)}");
            md.AppendLine();
            md.AppendLine("Every span of the POST window, background vetting included, most total time first:").AppendLine();
            SpanTable.Write(md, post.Spans);
            md.AppendLine("The app's database sessions during that window (`pg_stat_activity` every 100 ms; average number of sessions in each state, idle ones left out):").AppendLine();
            md.AppendLine("| state | sessions on average |").AppendLine("|---|---|");
            foreach (var (state, sessions) in post.DatabaseSessions.Take(10)) md.AppendLine($"| {Escape(state)} | {sessions:0.00} |");
            md.AppendLine();
        }
        if (Bulk is { Available: true } bulk && bulk.HandlerTimes.Count > 0)
        {
            md.AppendLine("During the bulk import:").AppendLine();
            foreach (var (feature, ms) in bulk.HandlerTimes.OrderBy(kv => kv.Key)) md.AppendLine($"- `{feature}`: {Latency.Summary(ms)}");
            md.AppendLine();
            if (bulk.Spans is { } spans)
            {
                md.AppendLine("Every span of the bulk import (storing steps `dossiers.*`, vetting steps `vetting.*`, SQL by statement), most total time first:").AppendLine();
                SpanTable.Write(md, spans);
            }
        }
        if (Service is { } service)
        {
            md.AppendLine("Service time with nothing else running (in process through the MediatR pipeline, one at a time, against the seeded database):").AppendLine();
            md.AppendLine($"- `SubmitCandidate`: {Latency.Summary(service.SubmitMs)}");
            md.AppendLine($"- `VetCandidates` (one candidate): {Latency.Summary(service.VetMs)}");
            md.AppendLine($"- vetting engine alone (all checks, no database): {Latency.Summary(service.EngineMs)}");
            var vetMean = service.VetMs.Average();
            md.AppendLine($"- so one core vets about {1000 / vetMean:0} candidates a second at most; the bulk goal of {BulkGoal}/s needs a vetting of ≤ {1000 * Environment.ProcessorCount / BulkGoal:0.0} ms on all {Environment.ProcessorCount} cores");
            md.AppendLine();
        }
        if (Plans.Count > 0)
        {
            md.AppendLine("Query plans on the seeded database (`EXPLAIN (ANALYZE, BUFFERS)` of the app's own SQL constants, writes rolled back):").AppendLine();
            md.AppendLine("| query | candidate | execution | planning | plan (top node) |").AppendLine("|---|---|---|---|---|");
            foreach (var p in Plans)
                md.AppendLine($"| `{p.Query}` | {p.Candidate} | {p.ExecutionMs:0.000} ms | {p.PlanningMs:0.000} ms | {Escape(p.Text.Split('\n')[0].Trim())} |");
            md.AppendLine();
            foreach (var p in Plans.OrderByDescending(p => p.ExecutionMs).Take(4))
            {
                md.AppendLine($"<details><summary>{p.Query}, {p.Candidate}: {p.ExecutionMs:0.000} ms</summary>").AppendLine().AppendLine("```");
                md.AppendLine(p.Text).AppendLine("```").AppendLine().AppendLine("</details>").AppendLine();
            }
        }
    }

    private static string Met(bool met) => met ? "yes" : "**no**";
    private static string Mib(long bytes) => bytes <= 0 ? "not measured" : $"{bytes / 1024.0 / 1024:N0} MiB";
    private static string Escape(string s) => s.Replace("|", "\\|", StringComparison.Ordinal);
}
