using System.Globalization;
using System.Text;
using HireVet.Scale.Reporting;
using HireVet.Scale.Monitoring;

namespace HireVet.Scale.Connectors;

/// <summary>benchmarks/results/connectors.md: issue 15's figures against what was measured, then where the time went.</summary>
public sealed class ConnectorsReport
{
    public required ConnectorsOptions Options { get; init; }
    public required DateTimeOffset Date { get; init; }
    public required string Machine { get; init; }
    public required double PullGoal { get; init; }
    public required double WebhookP99Goal { get; init; }
    public int Principals { get; init; }
    public int StoredPrincipals { get; init; }
    public SignInLog? Okta { get; init; }
    public SignInLog? Entra { get; init; }
    public required IReadOnlyList<ConnectorsBenchmark.AloneRun> Alone { get; init; }
    public IReadOnlyList<ConnectorsBenchmark.PullRun> Warmups { get; init; } = [];
    public required IReadOnlyList<ConnectorsBenchmark.PullRun> Pulls { get; init; }
    public IReadOnlyList<(string When, string Load)> LoadAverages { get; init; } = [];
    public ConnectorsBenchmark.WebhookRun? Webhooks { get; init; }
    public int Unmappable { get; init; }
    public double? WebPeakMiB { get; init; }
    public IReadOnlyCollection<string> WebProblems { get; init; } = [];
    public IReadOnlyList<(string Step, TimeSpan Time)> Timings { get; init; } = [];

    public string ToMarkdown()
    {
        var md = new StringBuilder();
        md.AppendLine("# Connector benchmark").AppendLine();
        md.AppendLine(F($"Run {Date:yyyy-MM-dd HH:mm} UTC with `{Options.CommandLine}`.")).AppendLine();
        md.AppendLine($"Machine: {Machine}. The machine's 1-minute load average (other work on it takes cores from the app and the database): {string.Join(", ", LoadAverages.Select(l => $"{l.Load} at {l.When}"))}.").AppendLine();
        md.AppendLine("| Target (issue 15, part 6) | Goal | Measured | |").AppendLine("|---|---|---|---|");
        foreach (var pull in Pulls)
            md.AppendLine(F($"| Pull from the {Title(pull.Vendor)} stub into stored sign-ins, end to end ({pull.Generated:N0} events) | ≥ {PullGoal:N0} events/s | {pull.Rate:N0} events/s | {Mark(pull.Rate >= PullGoal && Correct(pull))} |"));
        if (Webhooks is { } w)
        {
            var p99 = Percentile(w.LatencySeconds, 0.99);
            md.AppendLine(F($"| Web hook to vetted, single applications ({w.Deliveries.Count:N0} at {Options.WebhookRate:0.#}/s) | p99 ≤ {WebhookP99Goal:0} s | p99 {p99:0.00} s (p50 {Percentile(w.LatencySeconds, 0.5):0.00} s) | {Mark(p99 <= WebhookP99Goal && w.NotVetted == 0)} |"));
        }
        md.AppendLine(F($"| Memory | reported | web app peak {WebPeakMiB:N0} MiB resident | |"));
        md.AppendLine();

        md.AppendLine("## Settings").AppendLine();
        md.AppendLine(F($"- PostgreSQL: a private cluster started as the other benchmarks start theirs (`PrivateCluster`: fsync, synchronous_commit and full_page_writes **off**; a quarter of the memory as shared buffers), migrated from zero; {Options.Workers:N0} vetted candidates seeded by the scale benchmark's seeder and each hired (a `workers` row with a work e-mail)."));
        md.AppendLine("- The app: the Release build of `src/HireVet.Web` as a child process, `ASPNETCORE_ENVIRONMENT=Production`, its Hangfire job servers on with the default settings (2 connector workers, queue poll 2 s, a job enqueued on the node wakes its workers at once); the minute's scheduled pull switched off (`Jobs__ConnectorPullCron`), so every pull is the one the benchmark triggers with `POST /api/admin/connectors/{id}/pull`.");
        md.AppendLine(F($"- The vendors: Kestrel on a loopback port in the benchmark's process. Okta `GET /api/v1/logs` (API token checked, a polling request: `Link: <…&after=N>; rel=\"next\"` on every page, an empty page linking to itself) and Microsoft Graph (`POST /{{tenant}}/oauth2/v2.0/token`, then `GET /v1.0/auditLogs/signIns` newest first with `$filter=createdDateTime ge …`, `$top`, `@odata.nextLink`; the bearer token checked), {Options.PageSize:N0} events a page, the pages rendered before the clock starts. Greenhouse Harvest `GET /v1/candidates/{{id}}` (Basic authentication checked)."));
        if (Okta is not null || Entra is not null)
        {
            var log = Okta ?? Entra!;
            md.AppendLine(F($"- Sign-ins: {Options.Events:N0} per vendor, generated afresh for each (distinct UUIDs), at ascending times from {log.First:yyyy-MM-dd HH:mm} to {log.Last:HH:mm} UTC (inside the clients' first 24-hour look-back), each by one of {Principals:N0} work e-mails, of which {StoredPrincipals:N0} are stored workers (their events match a worker) and the rest colleagues HireVet never vetted (stored unmatched). Each principal signs in from a home and a phone address of a residential ISP of their country (85% and 12%) and now and then (3%) from a VPN exit or another country; 3% of sign-ins fail. Okta events are `user.session.start` LogEvents with actor, client (user agent, geography), securityContext (the address's AS), authenticationContext, debugContext, transaction, request.ipChain and target ({Okta?.RenderedBytes / (double)Math.Max(1, Okta?.Count ?? 1):N0} bytes each); Graph signIns carry the v1.0 fields of Microsoft's example (status, deviceDetail, location, appliedConditionalAccessPolicies; {Entra?.RenderedBytes / (double)Math.Max(1, Entra?.Count ?? 1):N0} bytes each)."));
        }
        if (Webhooks is not null)
            md.AppendLine(F($"- Applicants: people from the scale benchmark's generator (checked to share nothing with stored candidates but, for {Options.SharedShare:P0} of them, a stored candidate's phone), written as Harvest candidate objects (name, e-mail, phone, home address as free text, employments, educations, links, one active application with its job); {Unmappable} generated people whose address HireVet's Greenhouse mapping could not place in a country were not used. One signed `new_candidate_application` web hook each (`Signature: sha256 …`, HMAC of the body with the connector's generated secret), posted one at a time at {Options.WebhookRate:0.#}/s on a fixed schedule. Notes back into Greenhouse off (the default)."));
        md.AppendLine();

        if (Alone.Count > 0) AloneSection(md);
        if (Warmups.Count > 0)
        {
            md.AppendLine("## Warm-up: the first pulls of a freshly started app").AppendLine();
            md.AppendLine(F($"The web app has just started when the benchmark begins, and .NET compiles its code as it first runs (and again, optimised, once it is hot). A server pulling every minute has long done that, so before the measured pulls each vendor's sign-ins are pulled once through a connector of their own (another org and tenant, served by a second stub on another port; their sign-ins lie an hour before the measured ones, so the checks below count each pull's rows apart). Web hooks likewise: {Options.WarmupWebhooks} are sent and vetted before the measured ones. The cold figures:")).AppendLine();
            md.AppendLine("| Warm-up pull | Events | Time | Events/s | Stored | Second pull stored |").AppendLine("|---|---|---|---|---|---|");
            foreach (var cold in Warmups)
                md.AppendLine(F($"| {Title(cold.Vendor)}, the app's first pull of this vendor | {cold.Generated:N0} | {cold.Seconds:0.0} s | {cold.Rate:N0} | {cold.Stored:N0} | {cold.SecondAccepted:N0} |"));
            md.AppendLine();
        }
        foreach (var pull in Pulls) PullSection(md, pull);
        if (Webhooks is { } run) WebhookSection(md, run);

        ReportTail.Append(md, Timings, WebProblems);
        return md.ToString();
    }

    private void AloneSection(StringBuilder md)
    {
        md.AppendLine("## The stub, the clients and the parsers alone").AppendLine();
        md.AppendLine("Measured before the app started, in the benchmark's process: the stub serving every page to a plain `HttpClient` that reads each body to its end (one request after the other, as a pull asks), then the product's own client (`OktaLogClient`, `GraphSignInClient`: the request, `JsonDocument` over the body, a clone of each event) pulling every page from the stub, then the product's parser (`OktaSystemLog.Parse`, `EntraSignInLog.Parse`) over every event. The app does these same steps for each page before the database sees it. (This process also holds every rendered page, so its garbage collections weigh on the client's figure here more than in the app.)").AppendLine();
        md.AppendLine("| Vendor | Stub served | Product client (fetch, parse, clone) | Product parser (fields) |").AppendLine("|---|---|---|---|");
        foreach (var a in Alone)
            md.AppendLine(F($"| {Title(a.Vendor)} | {a.Events / a.ServeSeconds:N0} events/s ({a.Bytes / a.ServeSeconds / 1024 / 1024:N0} MiB/s, {a.Bytes / 1024.0 / 1024:N0} MiB in {a.ServeSeconds:0.00} s) | {a.ClientEvents / a.ClientSeconds:N0} events/s ({a.ClientSeconds:0.00} s) | {a.ClientEvents / a.ParseSeconds:N0} events/s ({a.ParseSeconds:0.00} s) |"));
        md.AppendLine();
    }

    private void PullSection(StringBuilder md, ConnectorsBenchmark.PullRun pull)
    {
        md.AppendLine(F($"## {Title(pull.Vendor)}: one pull of {pull.Generated:N0} sign-ins")).AppendLine();
        md.AppendLine(F($"From `POST /api/admin/connectors/{pull.ConnectorId}/pull` until the connector's `accepted` counter (committed with each page) reached {pull.Generated:N0}, polled every 100 ms: **{pull.Seconds:0.0} s, {pull.Rate:N0} events/s**. The first page was stored {pull.FirstStoredSeconds:0.00} s after the trigger; the job released its lease {pull.JobDoneSeconds:0.0} s after it (after the {(pull.Vendor == "okta" ? "empty page that says caught up" : "last page, which has no nextLink")}). The stub served {pull.StubRequests:N0} requests, {pull.StubBytes / 1024.0 / 1024:N0} MiB ({pull.StubBytes / pull.Seconds / 1024 / 1024:N0} MiB/s).")).AppendLine();
        md.AppendLine("| Check | Expected | Found | |").AppendLine("|---|---|---|---|");
        md.AppendLine(F($"| rows in `sign_in_events` (source {pull.Vendor}) | {pull.Generated:N0} | {pull.Stored:N0} ({pull.Matched:N0} matched to a worker) | {Ok(pull.Stored == pull.Generated)} |"));
        md.AppendLine(F($"| connector counters received / accepted / rejected | {pull.Generated:N0} / {pull.Generated:N0} / 0 | {pull.Received:N0} / {pull.Accepted:N0} / {pull.Rejected:N0} | {Ok(pull.Received == pull.Generated && pull.Accepted == pull.Generated && pull.Rejected == 0)} |"));
        md.AppendLine(F($"| cursor after the pull | {(pull.Vendor == "okta" ? $"the next link past the last event (`after={pull.Generated}`)" : "no nextLink, `since` at the newest createdDateTime")} | `{Clip(pull.Cursor)}` | {Ok(pull.CursorAtEnd)} |"));
        md.AppendLine(F($"| a second pull from that cursor | nothing new stored | {pull.SecondReceived:N0} received, {pull.SecondAccepted:N0} stored, {pull.StoredAfterSecond:N0} rows in {pull.SecondSeconds:0.00} s; cursor `{Clip(pull.SecondCursor)}` | {Ok(pull.SecondAccepted == 0 && pull.StoredAfterSecond == pull.Generated)} |"));
        md.AppendLine();

        var store = pull.HandlerTimes.TryGetValue("Connectors.StoreSignInPage", out var s) ? s : [];
        var ingest = pull.HandlerTimes.TryGetValue("Ingestion.IngestSignIns", out var i) ? i : [];
        var perPage = pull.Seconds * 1000 / pull.Pages;
        md.AppendLine("Where a page's time goes (each command's span in the app's traces, transaction and audit record included):").AppendLine();
        md.AppendLine("| Per page of " + F($"{Options.PageSize:N0}") + " | Mean | p50 | p95 |").AppendLine("|---|---|---|---|");
        md.AppendLine(F($"| wall time (trigger to last page stored, ÷ {pull.Pages:N0} pages) | {perPage:0.0} ms | | |"));
        if (store.Length > 0)
        {
            md.AppendLine(F($"| `StoreSignInPage` (parse the fields, ingest, connector cursor and counts, log, audit record, commit; {store.Length:N0} pages) | {store.Average():0.0} ms | {Percentile(store, 0.5):0.0} ms | {Percentile(store, 0.95):0.0} ms |"));
            if (ingest.Length > 0)
                md.AppendLine(F($"| of which `IngestSignIns` (temporary table, binary COPY, insert into `sign_in_events` matching workers) | {ingest.Average():0.0} ms | {Percentile(ingest, 0.5):0.0} ms | {Percentile(ingest, 0.95):0.0} ms |"));
            // Two pages are stored at once (a page commits after the one before it), so a page's command can take longer
            // than the wall time per page; then nothing is left to put outside it.
            md.AppendLine(perPage >= store.Average()
                ? F($"| outside the command: the vendor request, reading and cloning the page, the lease renewal | {perPage - store.Average():0.0} ms | | |")
                : F($"| pages stored at once (command time ÷ wall time per page; a page waits for the one before it to commit) | {store.Average() / perPage:0.00} | | |"));
        }
        md.AppendLine();
        md.AppendLine(F($"{Cpu(pull.Phase, pull.Seconds)} Progress (stored events by seconds since the trigger): {string.Join(", ", Sampled(pull.Progress))}.")).AppendLine();
    }

    private void WebhookSection(StringBuilder md, ConnectorsBenchmark.WebhookRun run)
    {
        md.AppendLine(F($"## Greenhouse: {run.Deliveries.Count:N0} single applications by web hook")).AppendLine();
        md.AppendLine(F($"Each from just before its `POST /api/connectors/{run.ConnectorId}/webhook` until a poller (every 20 ms) saw the candidate's `vetting_status = 'completed'`; sent over {run.SendSeconds:0.0} s. {run.Deliveries.Count(d => d.Outcome == "accepted"):N0} answered `accepted`; {run.NotVetted} not vetted within a minute of the last. Bands: {run.Bands}.")).AppendLine();
        md.AppendLine("| Web hook → vetted | p50 | p95 | p99 | max |").AppendLine("|---|---|---|---|---|");
        md.AppendLine(F($"| seen completed (the target's figure) | {Percentile(run.LatencySeconds, 0.5):0.000} s | {Percentile(run.LatencySeconds, 0.95):0.000} s | {Percentile(run.LatencySeconds, 0.99):0.000} s | {run.LatencySeconds.DefaultIfEmpty(double.NaN).Max():0.000} s |"));
        md.AppendLine(F($"| `assessments.assessed_at` − POST | {Percentile(run.AssessedLatencySeconds, 0.5):0.000} s | {Percentile(run.AssessedLatencySeconds, 0.95):0.000} s | {Percentile(run.AssessedLatencySeconds, 0.99):0.000} s | {run.AssessedLatencySeconds.DefaultIfEmpty(double.NaN).Max():0.000} s |"));
        md.AppendLine();
        md.AppendLine("Where the time goes, step by step (the app's timestamps and the stub's, one clock):").AppendLine();
        md.AppendLine("| Step | p50 | p95 | p99 | max |").AppendLine("|---|---|---|---|---|");
        foreach (var step in run.Steps)
        {
            var ms = step.Ms.Where(double.IsFinite).ToArray();
            md.AppendLine(F($"| {step.Name} | {Percentile(ms, 0.5):0} ms | {Percentile(ms, 0.95):0} ms | {Percentile(ms, 0.99):0} ms | {ms.DefaultIfEmpty(double.NaN).Max():0} ms |"));
        }
        md.AppendLine();
        md.AppendLine(F($"{Cpu(run.Phase, run.SendSeconds)}")).AppendLine();
    }

    private static bool Correct(ConnectorsBenchmark.PullRun p) =>
        p.Stored == p.Generated && p.Accepted == p.Generated && p.CursorAtEnd && p.SecondAccepted == 0 && p.StoredAfterSecond == p.Generated;

    private static IEnumerable<string> Sampled(IReadOnlyList<ConnectorsBenchmark.Progress> progress)
    {
        var every = Math.Max(1, progress.Count / 12);
        return progress.Where((_, i) => i % every == 0 || i == progress.Count - 1).Select(p => F($"{p.Seconds:0.0} s {p.Accepted:N0}"));
    }

    private static string Cpu(ResourceSampler.Phase p, double wallSeconds) =>
        $"CPU meanwhile: {p.CpuLine(wallSeconds, "this benchmark with the stub")}; " + F($"peaks: web app {p.WebMiB:N0} MiB, PostgreSQL {p.PostgresMiB:N0} MiB.");

    public static double Percentile(double[] values, double p)
    {
        if (values.Length == 0) return double.NaN;
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(p * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }

    private static string Title(string vendor) => vendor == "okta" ? "Okta" : "Entra (Graph)";
    private static string Clip(string? s) => s is null ? "(none)" : s.Length <= 160 ? s : s[..160] + "…";
    private static string Mark(bool met) => met ? "met" : "**missed**";
    private static string Ok(bool ok) => ok ? "ok" : "**wrong**";
    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
