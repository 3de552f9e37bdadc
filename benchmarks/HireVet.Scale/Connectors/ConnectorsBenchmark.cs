using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dapper;
using HireVet.Application.Ingestion.Formats;
using HireVet.Application.ReferenceData;
using HireVet.Application.ReferenceData.Network;
using HireVet.Infrastructure.Connectors.Graph;
using HireVet.Infrastructure.Connectors.Okta;
using HireVet.Quality.Corpus;
using HireVet.Quality.Running;
using HireVet.Scale.Load;
using HireVet.Scale.Monitoring;
using HireVet.Scale.Reporting;
using HireVet.Scale.Seeding;
using Npgsql;

namespace HireVet.Scale.Connectors;

/// <summary>Issue 15's connector figures on this machine: the built web app with its job servers on a private
/// PostgreSQL (a hired workforce seeded), vendors played by a loopback stub in this process. An Okta and an Entra
/// connector are added through the admin API and a pull of each is triggered; the time runs from the trigger until the
/// connector's counters show every generated sign-in stored. Then a Greenhouse connector takes single signed
/// <c>new_candidate_application</c> web hooks at a steady pace, and each one's time runs from its POST until the
/// candidate is seen vetted. It is a report: targets missed are marked, the exit code stays 0 unless the run fails.</summary>
public static class ConnectorsBenchmark
{
    private const string Database = "hirevet_connectors";
    private const double PullGoal = 20_000;
    private const double WebhookP99Goal = 2.0;

    public static async Task<int> RunAsync(string[] args)
    {
        ConnectorsOptions options;
        try { options = ConnectorsOptions.Parse(args); }
        catch (Exception e) when (e is ArgumentException or FormatException) { Console.Error.WriteLine(e.Message); return 2; }
        void Log(string message) => Console.Error.WriteLine($"connectors: {message}");

        var now = DateTimeOffset.UtcNow;
        var tag = now.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        var timings = new List<(string, TimeSpan)>();
        var loads = new List<(string, string)> { ("start", Machine.LoadAverage()) };
        var step = Stopwatch.StartNew();
        using var cluster = ScaleCluster.Start(null, log: Log);
        try
        {
            var connectionString = await cluster.CreateDatabaseAsync(Database);
            Principal[] principals;
            var applicants = new List<HarvestCandidates.Applicant>();
            var unmappable = 0;
            using (var host = await VettingHost.StartAsync(connectionString))
            {
                var reference = await host.ReferenceDataAsync();
                timings.Add(("start PostgreSQL, migrate, load reference data", step.Elapsed));
                step.Restart();
                await Seeder.SeedAsync(connectionString, host, options.Workers, options.Seed, now, Log);
                await Workforce.HireEveryoneAsync(connectionString, now);
                var workforce = await Workforce.LoadAsync(connectionString);
                await using (var db = new NpgsqlConnection(connectionString))
                {
                    var names = (await db.QueryAsync<(long Id, string Name)>("select w.id, c.legal_name from workers w join candidates c on c.id = w.candidate_id"))
                        .ToDictionary(r => r.Id, r => r.Name);
                    var network = reference.Get<NetworkIntelligence>(Datasets.Network)!;
                    principals = Principal.Make(workforce, names, options.Principals, IpPools.Load(network), network, options.Seed);
                }
                timings.Add(($"seed and hire {options.Workers:N0} vetted candidates, {options.Principals:N0} principals", step.Elapsed));
                step.Restart();
                if (options.RunWebhooks)
                {
                    var dossiers = await LoadDossiers.CreateAsync(connectionString, host, options.Workers, options.Seed, options.SharedShare, tag, now);
                    await dossiers.PrepareAsync(options.WarmupWebhooks + options.Webhooks + options.Webhooks / 2);
                    for (var id = HarvestCandidates.FirstId; applicants.Count < options.WarmupWebhooks + options.Webhooks; id++)
                    {
                        var applicant = HarvestCandidates.Make(dossiers.NextDossier(), id, now);
                        if (HarvestCandidates.Maps(applicant)) applicants.Add(applicant);
                        else unmappable++;
                    }
                    timings.Add(($"generate {applicants.Count:N0} Greenhouse applicants", step.Elapsed));
                    step.Restart();
                }
            }

            // The measured sign-ins from 23 hours to 10 minutes ago; the warm-up's before them (both inside the first
            // pull's 24-hour look-back), so that each pull's rows are told apart by time.
            var okta = new SignInLog("okta", principals, options.Events, options.PageSize, now.AddHours(-23), now.AddMinutes(-10), options.Seed + 1);
            var entra = new SignInLog("entra", principals, options.Events, options.PageSize, now.AddHours(-23), now.AddMinutes(-10), options.Seed + 2);
            var warmOkta = new SignInLog("okta", principals, Math.Max(1, options.WarmupEvents), options.PageSize, now.AddMinutes(-23 * 60 - 50), now.AddMinutes(-23 * 60 - 10), options.Seed + 3);
            var warmEntra = new SignInLog("entra", principals, Math.Max(1, options.WarmupEvents), options.PageSize, now.AddMinutes(-23 * 60 - 50), now.AddMinutes(-23 * 60 - 10), options.Seed + 4);
            var render = Stopwatch.StartNew();
            if (options.RunOkta) okta.RenderPages();
            if (options.RunEntra) entra.RenderPages();
            warmOkta.RenderPages();
            warmEntra.RenderPages();
            timings.Add(($"generate and render {(options.RunOkta ? okta.Count : 0) + (options.RunEntra ? entra.Count : 0):N0} sign-ins as vendor pages", render.Elapsed));
            Log($"rendered {okta.Pages.Length + entra.Pages.Length:N0} pages ({(okta.RenderedBytes + entra.RenderedBytes) / 1024.0 / 1024:N0} MiB) in {render.Elapsed.TotalSeconds:0.0} s");

            step.Restart();
            await using var stub = await VendorStub.StartAsync();
            stub.Okta = okta;
            stub.Graph = entra;
            stub.Candidates = applicants.ToDictionary(a => a.CandidateId, a => a.Candidate);
            // The warm-up's vendors: another org and tenant (another port), so that their connectors are others.
            await using var warmStub = await VendorStub.StartAsync();
            warmStub.Okta = warmOkta;
            warmStub.Graph = warmEntra;
            // The stub alone, and the product's own clients and parsers alone, before the app runs: the machine is quiet.
            var since = now - TimeSpan.FromHours(24);
            var alone = new List<AloneRun>();
            foreach (var log in new[] { options.RunOkta ? okta : null, options.RunEntra ? entra : null }.OfType<SignInLog>())
            {
                var (seconds, bytes) = await stub.ServeAllAsync(log, since);
                var client = await ClientAloneAsync(stub, log);
                alone.Add(new AloneRun(log.Vendor, log.Count, bytes, seconds, client.FetchSeconds, client.ParseSeconds, client.Events));
                Log($"{log.Vendor}: stub served {log.Count / seconds:N0} events/s ({bytes / seconds / 1024 / 1024:N0} MiB/s); the product's client read {client.Events / client.FetchSeconds:N0}/s, its parser {client.Events / client.ParseSeconds:N0}/s");
            }
            timings.Add(("stub serving rate, clients and parsers alone", step.Elapsed));

            step.Restart();
            var adminKey = await WebProcess.CreateApiKeyAsync(connectionString, $"connectors-{tag}-admin", "admin");
            // The minute's scheduled pull stays away: pulls are started by hand, as an admin's "Pull now".
            await using var web = await WebProcess.StartAsync(connectionString, Log,
                new Dictionary<string, string> { ["Jobs__ConnectorPullCron"] = WebProcess.NeverCron });
            await using var resources = new ResourceSampler(web.ProcessId);
            loads.Add(("web app started", Machine.LoadAverage()));
            using var admin = web.Client(adminKey, TimeSpan.FromMinutes(2));
            timings.Add(("create an admin API key, start the web app", step.Elapsed));

            var warmups = new List<PullRun>();
            foreach (var log in new[] { options.RunOkta ? warmOkta : null, options.RunEntra ? warmEntra : null }.OfType<SignInLog>())
            {
                if (options.WarmupEvents == 0) break;
                step.Restart();
                warmups.Add(await PullAsync(admin, connectionString, web, resources, warmStub, log, "warm-up", Log));
                timings.Add(($"{log.Vendor}: warm-up pull of {log.Count:N0} sign-ins", step.Elapsed));
            }
            var pulls = new List<PullRun>();
            foreach (var log in new[] { options.RunOkta ? okta : null, options.RunEntra ? entra : null }.OfType<SignInLog>())
            {
                step.Restart();
                pulls.Add(await PullAsync(admin, connectionString, web, resources, stub, log, "benchmark", Log));
                timings.Add(($"{log.Vendor}: pull {log.Count:N0} sign-ins, verify, pull again", step.Elapsed));
            }

            WebhookRun? webhooks = null;
            if (options.RunWebhooks)
            {
                step.Restart();
                webhooks = await WebhooksAsync(admin, web, connectionString, resources, stub, applicants, options, Log);
                timings.Add(($"{options.WarmupWebhooks:N0} warm-up and {options.Webhooks:N0} measured web hooks at {options.WebhookRate:0.#}/s", step.Elapsed));
            }

            loads.Add(("end", Machine.LoadAverage()));
            var report = new ConnectorsReport
            {
                Options = options, Date = now, Machine = await Machine.DescribeAsync(connectionString), PullGoal = PullGoal, WebhookP99Goal = WebhookP99Goal,
                Principals = principals.Length, StoredPrincipals = principals.Count(p => p.Stored), Okta = options.RunOkta ? okta : null,
                Entra = options.RunEntra ? entra : null, Alone = alone, Warmups = warmups, Pulls = pulls, Webhooks = webhooks, Unmappable = unmappable,
                LoadAverages = loads,
                WebPeakMiB = web.PeakWorkingSetMiB(), WebProblems = [.. web.Problems], Timings = timings,
            };
            await ReportFile.WriteAsync(options.Output, report.ToMarkdown());
            return 0;
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"connectors: the run failed: {e}");
            return 1;
        }
    }

    public sealed record AloneRun(string Vendor, int Events, long Bytes, double ServeSeconds, double ClientSeconds, double ParseSeconds, int ClientEvents);

    /// <summary>The product's client (<see cref="OktaLogClient"/> or <see cref="GraphSignInClient"/>) pulling every page
    /// from the stub in this process, then the product's parser over every event: what the app does per page before
    /// the database, without the database.</summary>
    private static async Task<(double FetchSeconds, double ParseSeconds, int Events)> ClientAloneAsync(VendorStub stub, SignInLog log)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(1) };
        HireVet.Application.Connectors.ISignInConnector client = log.Vendor == "okta"
            ? new OktaLogClient(http, TimeProvider.System, new OktaLogOptions { OrgUrl = stub.BaseUrl, ApiToken = VendorStub.OktaToken, PageSize = log.PageSize })
            : new GraphSignInClient(http, TimeProvider.System, new GraphSignInOptions
            {
                TenantId = VendorStub.Tenant, ClientId = VendorStub.ClientId, ClientSecret = VendorStub.ClientSecret, Authority = stub.BaseUrl,
                GraphBase = stub.BaseUrl, PageSize = log.PageSize,
            });
        var pages = new List<IReadOnlyList<JsonElement>>();
        var clock = Stopwatch.StartNew();
        string? cursor = null;
        while (true)
        {
            var page = await client.PullAsync(cursor, CancellationToken.None);
            if (page.Events.Count > 0) pages.Add(page.Events);
            cursor = page.Cursor;
            if (!page.More) break;
        }
        var fetch = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var parsed = 0;
        foreach (var page in pages)
            foreach (var e in page)
                if ((log.Vendor == "okta" ? OktaSystemLog.Parse(e) : EntraSignInLog.Parse(e)).Event is not null) parsed++;
        var parse = clock.Elapsed.TotalSeconds;
        if (parsed != log.Count) throw new InvalidOperationException($"{log.Vendor}: the product's parser kept {parsed:N0} of {log.Count:N0} generated sign-ins.");
        return (fetch, parse, parsed);
    }

    public sealed record Progress(double Seconds, long Accepted);

    public sealed record PullRun(string Vendor, string Purpose, long ConnectorId, int Generated, int Pages, double Seconds, double FirstStoredSeconds, double JobDoneSeconds,
        long Received, long Accepted, long Rejected, long Stored, long Matched, string? Cursor, bool CursorAtEnd, long SecondReceived, long SecondAccepted,
        long StoredAfterSecond, string? SecondCursor, double SecondSeconds, long StubBytes, long StubRequests, IReadOnlyList<Progress> Progress,
        IReadOnlyDictionary<string, double[]> HandlerTimes, ResourceSampler.Phase Phase)
    {
        public double Rate => Generated / Seconds;
    }

    private sealed record ConnectorRow
    {
        public long Received { get; init; }
        public long Accepted { get; init; }
        public long Rejected { get; init; }
        public string? LastError { get; init; }
        public bool Leased { get; init; }
        public string? Cursor { get; init; }
        public DateTimeOffset? LastSyncAt { get; init; }
    }

    /// <summary>One log's rows: the warm-up's and the measured sign-ins lie in separate hours.</summary>
    private const string CountSql = "select count(*) from sign_in_events where source = @source and occurred_at between @from and @to";

    private const string ConnectorSql =
        "select received, accepted, rejected, last_error, pull_lease_until is not null as leased, cursor, last_sync_at from connectors where id = @id";

    private static async Task<long> AddConnectorAsync(HttpClient admin, object body)
    {
        using var response = await admin.PostAsJsonAsync("/api/admin/connectors", body);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"Adding a connector failed: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetInt64();
    }

    private static async Task TriggerPullAsync(HttpClient admin, long id)
    {
        using var response = await admin.PostAsync($"/api/admin/connectors/{id}/pull", null);
        if (response.StatusCode != HttpStatusCode.Accepted)
            throw new InvalidOperationException($"POST /api/admin/connectors/{id}/pull answered {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Adds the vendor's connector, triggers a pull and polls the connector's counters every 100 ms until every
    /// generated sign-in is counted as stored (each page's count commits with the page). Then checks the table, the
    /// cursor, and that a second pull stores nothing new.</summary>
    private static async Task<PullRun> PullAsync(HttpClient admin, string connectionString, WebProcess web, ResourceSampler resources, VendorStub stub,
        SignInLog log, string purpose, Action<string> say)
    {
        var origin = stub.BaseUrl.ToString().TrimEnd('/');
        var id = await AddConnectorAsync(admin, log.Vendor == "okta"
            ? new { kind = "okta", name = $"Okta ({purpose})", settings = new { orgUrl = origin }, secrets = new { apiToken = VendorStub.OktaToken } }
            : new
            {
                kind = "entra", name = $"Entra ({purpose})",
                settings = new { tenantId = VendorStub.Tenant, clientId = VendorStub.ClientId, authorityUrl = origin, graphUrl = origin },
                secrets = new { clientSecret = VendorStub.ClientSecret },
            });
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync();
        resources.TakePhase();
        var (bytes, requests) = (stub.BytesServed, stub.Requests);
        var started = Stopwatch.GetTimestamp();
        await TriggerPullAsync(admin, id);
        var progress = new List<Progress>();
        double? first = null;
        long finished;
        while (true)
        {
            var row = await db.QuerySingleAsync<ConnectorRow>(ConnectorSql, new { id });
            var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
            progress.Add(new Progress(elapsed, row.Accepted));
            if (row.Accepted > 0) first ??= elapsed;
            if (row.Accepted >= log.Count)
            {
                finished = Stopwatch.GetTimestamp();
                break;
            }
            if (row.LastError is not null && !row.Leased && elapsed > 1) throw new InvalidOperationException($"The {log.Vendor} pull failed: {row.LastError}");
            if (elapsed > 1200) throw new TimeoutException($"The {log.Vendor} pull stored {row.Accepted:N0} of {log.Count:N0} in 20 minutes.");
            if (progress.Count % 50 == 0) say($"{log.Vendor}: {row.Accepted:N0} stored after {elapsed:0} s");
            await Task.Delay(100);
        }
        var seconds = Stopwatch.GetElapsedTime(started, finished).TotalSeconds;
        var phase = resources.TakePhase();
        var handlers = web.HandlerTimes(started, Stopwatch.GetTimestamp());
        say($"{log.Vendor} ({purpose}): {log.Count:N0} stored in {seconds:0.0} s ({log.Count / seconds:N0}/s)");

        ConnectorRow done;
        while ((done = await db.QuerySingleAsync<ConnectorRow>(ConnectorSql, new { id })).Leased)
        {
            if (Stopwatch.GetElapsedTime(started).TotalSeconds > seconds + 60) throw new TimeoutException($"The {log.Vendor} pull kept its lease a minute after the last page.");
            await Task.Delay(50);
        }
        var jobDone = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var (servedBytes, servedRequests) = (stub.BytesServed - bytes, stub.Requests - requests);
        // Graph's createdDateTime is written to the second: the first sign-in's may read earlier than generated.
        var rows = new { source = log.Vendor, from = log.First.AddTicks(-(log.First.UtcTicks % TimeSpan.TicksPerSecond)), to = log.Last };
        var stored = await db.ExecuteScalarAsync<long>(new CommandDefinition(CountSql, rows, commandTimeout: 0));
        var matched = await db.ExecuteScalarAsync<long>(new CommandDefinition(CountSql + " and worker_id is not null", rows, commandTimeout: 0));
        var atEnd = log.Vendor == "okta"
            ? done.Cursor?.EndsWith($"after={log.Count}", StringComparison.Ordinal) == true
            : done.Cursor is { } c && JsonDocument.Parse(c).RootElement is var cursor && !cursor.TryGetProperty("next", out _)
              && cursor.GetProperty("since").GetDateTimeOffset() == new DateTimeOffset(log.Last.UtcTicks - log.Last.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);

        // The second pull: from the stored cursor, nothing new (Okta: an empty page; Graph: the newest second again).
        var secondAt = DateTimeOffset.UtcNow;
        var second = Stopwatch.StartNew();
        await TriggerPullAsync(admin, id);
        ConnectorRow after;
        while ((after = await db.QuerySingleAsync<ConnectorRow>(ConnectorSql, new { id })).Leased || !(after.LastSyncAt > secondAt))
        {
            if (second.Elapsed > TimeSpan.FromMinutes(1)) throw new TimeoutException($"The second {log.Vendor} pull did not finish within a minute.");
            await Task.Delay(50);
        }
        var storedAfter = await db.ExecuteScalarAsync<long>(new CommandDefinition(CountSql, rows, commandTimeout: 0));
        say($"{log.Vendor}: second pull received {after.Received - done.Received:N0}, stored {after.Accepted - done.Accepted:N0} new; {storedAfter:N0} in the table");
        return new PullRun(log.Vendor, purpose, id, log.Count, (log.Count + log.PageSize - 1) / log.PageSize, seconds, first ?? seconds, jobDone,
            done.Received, done.Accepted, done.Rejected, stored, matched, done.Cursor, atEnd, after.Received - done.Received, after.Accepted - done.Accepted,
            storedAfter, after.Cursor, second.Elapsed.TotalSeconds, servedBytes, servedRequests, progress, handlers, phase);
    }

    public sealed record Delivery(long CandidateId, DateTimeOffset Posted, double AnsweredMs, string Outcome)
    {
        public DateTimeOffset? Seen { get; set; }
    }

    public sealed record WebhookStep(string Name, double[] Ms);

    public sealed record WebhookRun(long ConnectorId, IReadOnlyList<Delivery> Deliveries, double[] LatencySeconds, double[] AssessedLatencySeconds,
        IReadOnlyList<WebhookStep> Steps, int NotVetted, double SendSeconds, string Bands, ResourceSampler.Phase Phase);

    private sealed record Timeline
    {
        public string ExternalId { get; init; } = "";
        public DateTimeOffset? DeliveredAt { get; init; }
        public DateTimeOffset? FetchedAt { get; init; }
        public DateTimeOffset? CreatedAt { get; init; }
        public DateTimeOffset? AssessedAt { get; init; }
        public string? Band { get; init; }
    }

    /// <summary>Adds a Greenhouse connector reading the stub's Harvest API, then posts one signed web hook after another at
    /// the set rate (open loop: the next goes at its time whatever the last one's vetting does) while a poller reads the
    /// applicants' vetting status every 20 ms.</summary>
    private static async Task<WebhookRun> WebhooksAsync(HttpClient admin, WebProcess web, string connectionString, ResourceSampler resources, VendorStub stub,
        IReadOnlyList<HarvestCandidates.Applicant> applicants, ConnectorsOptions options, Action<string> say)
    {
        using var added = await admin.PostAsJsonAsync("/api/admin/connectors", new
        {
            kind = "greenhouse", name = "Greenhouse (benchmark)", settings = new { baseUrl = stub.BaseUrl.ToString().TrimEnd('/') },
            secrets = new { apiKey = VendorStub.HarvestKey },
        });
        var body = JsonDocument.Parse(await added.Content.ReadAsStringAsync()).RootElement;
        if (!added.IsSuccessStatusCode) throw new InvalidOperationException($"Adding the Greenhouse connector failed: {body}");
        var id = body.GetProperty("id").GetInt64();
        var secret = Encoding.UTF8.GetBytes(body.GetProperty("generatedSecrets").GetProperty("webhookSecret").GetString()!);

        using var vendor = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan }) { BaseAddress = web.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var deliveries = new ConcurrentDictionary<string, Delivery>();
        using var stop = new CancellationTokenSource();
        var poller = Task.Run(async () =>
        {
            await using var db = new NpgsqlConnection(connectionString);
            await db.OpenAsync();
            while (!stop.IsCancellationRequested)
            {
                var waiting = deliveries.Where(d => d.Value.Seen is null).Select(d => d.Key).ToArray();
                if (waiting.Length > 0)
                {
                    var vetted = await db.QueryAsync<string>("select external_id from candidates where external_id = any(@waiting) and vetting_status = 'completed'", new { waiting });
                    var seen = DateTimeOffset.UtcNow;
                    foreach (var externalId in vetted) deliveries[externalId].Seen ??= seen;
                }
                try { await Task.Delay(20, stop.Token); } catch (OperationCanceledException) { }
            }
        });

        async Task<double> SendAsync(IReadOnlyList<HarvestCandidates.Applicant> batch, string what)
        {
            var start = Stopwatch.GetTimestamp();
            for (var i = 0; i < batch.Count; i++)
            {
                var due = TimeSpan.FromSeconds(i / options.WebhookRate) - Stopwatch.GetElapsedTime(start);
                if (due > TimeSpan.Zero) await Task.Delay(due);
                var applicant = batch[i];
                using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/connectors/{id}/webhook") { Content = new ByteArrayContent(applicant.Webhook) };
                request.Content.Headers.ContentType = new("application/json");
                request.Headers.TryAddWithoutValidation("Signature", "sha256 " + Convert.ToHexStringLower(HMACSHA256.HashData(secret, applicant.Webhook)));
                var posted = DateTimeOffset.UtcNow;
                var sent = Stopwatch.GetTimestamp();
                using var response = await vendor.SendAsync(request);
                var answer = await response.Content.ReadAsStringAsync();
                if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"Web hook {i + 1} answered {(int)response.StatusCode}: {answer}");
                var outcome = JsonDocument.Parse(answer).RootElement.GetProperty("outcome").GetString()!;
                deliveries[$"greenhouse:{applicant.CandidateId}"] = new Delivery(applicant.CandidateId, posted, Stopwatch.GetElapsedTime(sent).TotalMilliseconds, outcome);
                if ((i + 1) % 50 == 0) say($"web hooks ({what}): {i + 1} sent, {deliveries.Values.Count(d => d.Seen is not null)} vetted");
            }
            var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
            var wait = Stopwatch.StartNew();
            while (deliveries.Values.Any(d => d.Seen is null) && wait.Elapsed < TimeSpan.FromSeconds(60)) await Task.Delay(50);
            return seconds;
        }

        var warmup = applicants.Take(options.WarmupWebhooks).ToArray();
        var measured = applicants.Skip(options.WarmupWebhooks).ToArray();
        if (warmup.Length > 0) await SendAsync(warmup, "warm-up");
        resources.TakePhase();
        var sendSeconds = await SendAsync(measured, "measured");
        await stop.CancelAsync();
        await poller;
        var phase = resources.TakePhase();

        await using var conn = new NpgsqlConnection(connectionString);
        var timelines = (await conn.QueryAsync<Timeline>("""
            select 'greenhouse:' || l.ats_id as external_id,
                   (select min(g.at) from connector_log g where g.connector_id = l.connector_id and g.activity = 'delivery' and g.outcome = 'accepted' and g.subject = l.ats_id) as delivered_at,
                   l.fetched_at, c.created_at,
                   (select min(a.assessed_at) from assessments a where a.candidate_id = c.id) as assessed_at, c.band
            from ats_links l left join candidates c on c.id = l.candidate_id
            where l.connector_id = @id
            """, new { id })).ToDictionary(t => t.ExternalId);
        var measuredIds = measured.Select(a => a.CandidateId).ToHashSet();
        var list = deliveries.Values.Where(d => measuredIds.Contains(d.CandidateId)).OrderBy(d => d.Posted).ToList();
        var vetted = list.Where(d => d.Seen is not null).ToList();
        double Ms(DateTimeOffset? a, DateTimeOffset? b) => a is { } x && b is { } y ? (y - x).TotalMilliseconds : double.NaN;
        var steps = new List<WebhookStep>
        {
            new("web hook answered (POST round trip)", [.. vetted.Select(d => d.AnsweredMs)]),
            new("delivery committed → fetch job started (`ats_links.fetched_at`)", [.. vetted.Select(d => Ms(timelines[$"greenhouse:{d.CandidateId}"].DeliveredAt, timelines[$"greenhouse:{d.CandidateId}"].FetchedAt))]),
            new("fetch job started → Harvest GET arrived at the stub", [.. vetted.Select(d => Ms(timelines[$"greenhouse:{d.CandidateId}"].FetchedAt, stub.CandidateFetched.TryGetValue(d.CandidateId, out var f) ? f : null))]),
            new("Harvest GET → candidate submitted (`candidates.created_at`)", [.. vetted.Select(d => Ms(stub.CandidateFetched.TryGetValue(d.CandidateId, out var f) ? f : null, timelines[$"greenhouse:{d.CandidateId}"].CreatedAt))]),
            new("submitted → vetted (`assessments.assessed_at`)", [.. vetted.Select(d => Ms(timelines[$"greenhouse:{d.CandidateId}"].CreatedAt, timelines[$"greenhouse:{d.CandidateId}"].AssessedAt))]),
            new("assessed → seen completed by the 20 ms poller (commit and poll)", [.. vetted.Select(d => Ms(timelines[$"greenhouse:{d.CandidateId}"].AssessedAt, d.Seen))]),
        };
        var bands = string.Join(", ", vetted.GroupBy(d => timelines[$"greenhouse:{d.CandidateId}"].Band ?? "none").OrderBy(g => g.Key)
            .Select(g => $"{g.Key} {g.Count()}"));
        return new WebhookRun(id, list, [.. vetted.Select(d => (d.Seen!.Value - d.Posted).TotalSeconds)],
            [.. vetted.Select(d => (timelines[$"greenhouse:{d.CandidateId}"].AssessedAt!.Value - d.Posted).TotalSeconds)], steps, list.Count - vetted.Count,
            sendSeconds, bands, phase);
    }
}
