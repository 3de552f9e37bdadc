using System.Globalization;
using System.Text.RegularExpressions;
using HireVet.Application.Common.Security;
using HireVet.Application.Connectors;
using HireVet.Application.Dossiers;
using HireVet.Application.Reviews;
using HireVet.Application.Vetting;
using HireVet.IntegrationTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HireVet.IntegrationTests.Browser;

/// <summary>The dashboard on "/" in Debian's Chromium, as each role, on candidates vetted through the real pipeline: the
/// figures shown, the charts drawn (Chart.js on the canvas), the links to the filtered list, what each role does not
/// see, a stale sanctions list warned about (its as-of date set ten days back by configuration), a failed
/// re-screening batch reported, and connector health (one failing, one idle) for admins and auditors.</summary>
[Collection("db")]
public sealed class DashboardPageTests(DatabaseFixture db) : BrowserTest(db)
{
    private static readonly string Today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private readonly DateOnly _sanctionsAsOf = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-10));
    private long _inReview;
    private long _failingConnector;
    private long _idleConnector;

    protected override IReadOnlyList<User> Users =>
        [new("hana", Roles.Hr), new("sam", Roles.Security), new("audrey", Roles.Auditor), new("ada", Roles.Admin)];

    protected override async Task SeedAsync()
    {
        // One candidate in review on PAY-04, one cleared automatically, one asked for information on PAY-04.
        _inReview = (await Db.SendAsync(Dossiers.PayeeMismatch(), "hana", Roles.Hr)).Id;
        var honest = (await Db.SendAsync(Dossiers.Honest(), "hana", Roles.Hr)).Id;
        var asked = (await Db.SendAsync(Dossiers.PayeeMismatch(), "hana", Roles.Hr)).Id;
        foreach (var id in new[] { _inReview, honest, asked }) await Db.SendAsync(new VetCandidates.Command([id]), "system", Roles.System);
        await Db.SendAsync(new ClaimCandidate.Command(asked), "sam", Roles.Security);
        await Db.SendAsync(new DecideCandidate.Command
        {
            CandidateId = asked, Outcome = "request_information", Justification = "The payroll account is held by someone else: ask why.",
        }, "sam", Roles.Security);

        // Two connectors: Greenhouse refused the key on a fetch; Lever has not synced yet.
        _failingConnector = (await Db.SendAsync(new AddConnector.Command
        {
            Kind = "greenhouse", Name = "Greenhouse", Secrets = new() { ["apiKey"] = "harvest-key-0123456789" },
        }, "ada", Roles.Admin)).Id;
        await Db.SendAsync(new RecordConnectorFailure.Command(_failingConnector, "sync", "Harvest answered 401 Unauthorized.", "53883394"), "system", Roles.System);
        _idleConnector = (await Db.SendAsync(new AddConnector.Command
        {
            Kind = "lever", Name = "Lever", Secrets = new() { ["apiKey"] = "lever-key-0123456789", ["signatureToken"] = "lever-token-0123456789" },
        }, "ada", Roles.Admin)).Id;
    }

    /// <summary>The connector health panel as admins and auditors see it.</summary>
    private async Task ExpectConnectorHealthAsync(IPage page)
    {
        var failing = Row(page, "dashboard-connectors", "connector-id", _failingConnector.ToString(CultureInfo.InvariantCulture));
        await Expect(failing).ToHaveAttributeAsync("data-health", "failing");
        await Expect(failing.Locator("th")).ToHaveTextAsync("Greenhouse");
        await Expect(failing.Locator("[data-col=kind]")).ToHaveTextAsync("Greenhouse");
        await Expect(failing.Locator("[data-col=health]")).ToHaveTextAsync("failing");
        await Expect(failing.Locator("[data-col=last-sync] time")).ToBeVisibleAsync();
        await Expect(failing.Locator("[data-col=last-error]")).ToContainTextAsync("Harvest answered 401 Unauthorized.");
        var idle = Row(page, "dashboard-connectors", "connector-id", _idleConnector.ToString(CultureInfo.InvariantCulture));
        await Expect(idle).ToHaveAttributeAsync("data-health", "idle");
        await Expect(idle.Locator("[data-col=kind]")).ToHaveTextAsync("Lever");
        await Expect(idle.Locator("[data-col=last-sync]")).ToHaveTextAsync("never");
        await Expect(idle.Locator("[data-col=last-error]")).ToHaveTextAsync("none");
        await Expect(page.Locator("#connectors-warning")).ToContainTextAsync("1 connector is failing: Greenhouse.");
        var content = await page.ContentAsync();
        foreach (var secret in new[] { "harvest-key", "lever-key", "lever-token" }) Assert.DoesNotContain(secret, content);
    }

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Jobs:NodeName"] = "dashboard-node",
        ["ReferenceData:AsOf:ofac-sdn"] = _sanctionsAsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["ReferenceData:AsOf:ip-asn"] = Today,
    };

    private static ILocator Row(IPage page, string table, string attribute, string key) => page.Locator($"#{table} tr[data-{attribute}='{key}']");

    /// <summary>The row's cell in the column of the week holding <paramref name="at"/>, found by the column's heading:
    /// the page reads its own clock, and a Monday 00:00 UTC between the rows written and the page drawn shifts the
    /// weeks by one column.</summary>
    private static async Task<ILocator> WeekCellAsync(IPage page, string table, ILocator row, DateTime at)
    {
        var headings = await page.Locator($"#{table} thead th").AllTextContentsAsync();
        var week = HireVet.Web.Pages.IndexModel.Week(HireVet.Application.Dashboard.Weeks.Ending(new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)))[^1]);
        var column = headings.ToList().IndexOf(week) - 1; // the first heading is the row headings' column
        Assert.True(column >= 0, $"no column for the week of {week} in #{table}: {string.Join(", ", headings)}");
        return row.Locator("td").Nth(column);
    }

    /// <summary>The chart was drawn: Chart.js holds a chart on the canvas with these datasets.</summary>
    private static async Task ExpectChartAsync(IPage page, string canvas, int datasets)
    {
        await Expect(page.Locator($"#{canvas}")).ToBeVisibleAsync();
        await Expect(page.Locator($"#{canvas}")).ToHaveAttributeAsync("data-rendered", datasets.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(datasets, await page.EvaluateAsync<int>($"() => Chart.getChart(document.getElementById('{canvas}')).data.datasets.length"));
    }

    [Fact]
    public async Task Security_sees_the_backlog_four_eyes_the_score_histogram_and_signals_by_indicator_drawn_and_tabled()
    {
        var scores = await Db.QueryAsync<int>("select score from candidates where score is not null");
        var page = await App.SignInAsync("sam");
        await Expect(page).ToHaveURLAsync(new Regex("/$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Level = 1 })).ToBeVisibleAsync();

        await Expect(page.Locator("#backlog-count")).ToHaveTextAsync("1");
        await Expect(page.Locator("#backlog-oldest")).ToContainTextAsync("minute");
        await Expect(page.Locator("#backlog-ages tbody td")).ToHaveTextAsync(["1", "0", "0", "0", "0"]);
        await Expect(page.Locator("#four-eyes-count")).ToHaveTextAsync("0");
        await Expect(page.Locator("#four-eyes-oldest")).ToHaveTextAsync("none");

        await Expect(Row(page, "candidates-by-status", "status", "review").Locator("td")).ToHaveTextAsync("1");
        await Expect(Row(page, "candidates-by-status", "status", "clear").Locator("td")).ToHaveTextAsync("1");
        await Expect(Row(page, "candidates-by-status", "status", "information_requested").Locator("td")).ToHaveTextAsync("1");
        foreach (var band in new[] { "clear", "review", "high" })
            await Expect(Row(page, "candidates-by-band", "band", band).Locator("td"))
                .ToHaveTextAsync((await Db.QuerySingleAsync<long>("select count(*) from candidates where band = @band", new { band })).ToString(CultureInfo.InvariantCulture));

        // The histogram: the three scores in their buckets, as the chart and as the table.
        var expected = Enumerable.Range(0, 10).Select(b => scores.Count(s => Math.Min(s / 10, 9) == b).ToString(CultureInfo.InvariantCulture)).ToArray();
        await ExpectChartAsync(page, "histogram-chart", 1);
        await Expect(page.Locator("#histogram-table tbody td")).ToHaveTextAsync(expected);
        Assert.Equal(expected, (await page.EvaluateAsync<int[]>("() => Chart.getChart(document.getElementById('histogram-chart')).data.datasets[0].data"))
            .Select(n => n.ToString(CultureInfo.InvariantCulture)));
        await Expect(page.Locator("#histogram-chart")).ToHaveAttributeAsync("aria-label", new Regex("risk scores of 3 vetted candidates"));

        // Signals: two candidates raised PAY-04 in the week they were vetted (this week, the latest of the twelve columns).
        await ExpectChartAsync(page, "signals-chart", await page.Locator("#signals-table tbody tr").CountAsync());
        var pay04 = Row(page, "signals-table", "indicator", "PAY-04");
        var vettedAt = await Db.QuerySingleAsync<DateTime>("select max(assessed_at) from assessments");
        await Expect(await WeekCellAsync(page, "signals-table", pay04, vettedAt)).ToHaveTextAsync("2");
        await Expect(pay04.Locator("[data-col=total]")).ToHaveTextAsync("2");
        await Expect(page.Locator("#signals-chart")).ToHaveAttributeAsync("aria-label", new Regex("PAY-04 2"));
        await BrowserApp.ScreenshotAsync(page, "dashboard-security");

        // The figure leads to the filtered list, by keyboard.
        await Row(page, "candidates-by-status", "status", "review").GetByRole(AriaRole.Link).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex("/candidates\\?status=review$"));
        await Expect(page.Locator($"#candidates tr[data-candidate-id='{_inReview}']")).ToBeVisibleAsync();
        await Expect(page.Locator("#candidates tbody tr")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task HR_sees_candidates_and_workers_by_status_and_band_but_no_scores_signals_or_queue()
    {
        var page = await App.SignInAsync("hana");
        await Expect(page.Locator("#candidates-heading")).ToHaveTextAsync("Candidates (3)");
        await Expect(Row(page, "candidates-by-status", "status", "review").Locator("td")).ToHaveTextAsync("1");
        await Expect(Row(page, "candidates-by-status", "status", "clear").Locator("td")).ToHaveTextAsync("1");
        await Expect(Row(page, "candidates-by-status", "status", "rejected").Locator("td")).ToHaveTextAsync("0");
        await Expect(Row(page, "candidates-by-band", "band", "clear").Locator("td")).ToHaveTextAsync("1");
        await Expect(Row(page, "candidates-by-band", "band", "none").Locator("td")).ToHaveTextAsync("0");
        await Expect(page.Locator("#workers-heading")).ToHaveTextAsync("Hired workers (0)");
        await Expect(Row(page, "candidates-by-status", "status", "clear").GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", "/candidates?status=clear");

        foreach (var hidden in new[] { "#score-histogram", "#signals-by-indicator", "#backlog", "#decisions-by-week", "#data-freshness", "#connector-health", "#scheduler-health", "canvas" })
            await Expect(page.Locator(hidden)).ToHaveCountAsync(0);
        await BrowserApp.ScreenshotAsync(page, "dashboard-hr");

        await Row(page, "candidates-by-status", "status", "clear").GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.Locator("#candidates tbody tr")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task The_auditor_sees_decisions_per_week_drawn_and_tabled_the_chain_length_and_connector_health_but_no_scores()
    {
        var page = await App.SignInAsync("audrey");
        await ExpectChartAsync(page, "decisions-chart", 1);
        var row = Row(page, "decisions-table", "outcome", "request_information");
        var decidedAt = await Db.QuerySingleAsync<DateTime>("select decided_at from decisions");
        await Expect(await WeekCellAsync(page, "decisions-table", row, decidedAt)).ToHaveTextAsync("1");
        await Expect(row.Locator("[data-col=total]")).ToHaveTextAsync("1");
        await Expect(Row(page, "candidates-by-status", "status", "information_requested").Locator("td")).ToHaveTextAsync("1");

        // The chain writer runs on this node: once the seeding's records are linked the count shows them.
        var seeded = await Db.QuerySingleAsync<long>("select count(*) from audit_records");
        await Expect(page.Locator("#chain-linked")).Not.ToHaveTextAsync("0");
        var linked = long.Parse((await page.Locator("#chain-linked").TextContentAsync())!.Replace(",", ""), CultureInfo.InvariantCulture);
        var waiting = long.Parse((await page.Locator("#chain-waiting").TextContentAsync())!.Replace(",", ""), CultureInfo.InvariantCulture);
        Assert.True(linked + waiting >= seeded, $"{linked} linked and {waiting} waiting, but {seeded} records were written before the page");
        foreach (var hidden in new[] { "#score-histogram", "#signals-by-indicator", "#backlog", "#data-freshness" })
            await Expect(page.Locator(hidden)).ToHaveCountAsync(0);
        await ExpectConnectorHealthAsync(page);
        await Expect(page.Locator("#connector-health a[href='/admin/connectors']")).ToHaveCountAsync(0); // an admin's page
        await BrowserApp.ScreenshotAsync(page, "dashboard-auditor");
    }

    [Fact]
    public async Task The_admin_is_warned_of_a_stale_sanctions_list_and_sees_connector_and_scheduler_health_with_a_failed_batch_but_no_candidates()
    {
        var run = await Db.QuerySingleAsync<long>("""
            insert into rescreen_runs (kind, trigger, requested_by, started_at, finished_at, status, total, batches, processed, failures, reference_version)
            values ('full', 'manual', 'ada', now() - interval '1 hour', now() - interval '50 minutes', 'completed_with_failures', 400, 2, 200, 1, 'test')
            returning id
            """);
        await Db.ExecuteAsync("""
            insert into rescreen_batches (run_id, batch_no, candidate_ids, status, attempts, last_error, node)
            values (@Run, 1, '{}', 'done', 1, null, 'dashboard-node'), (@Run, 2, '{}', 'failed', 3, 'connection reset', 'dashboard-node')
            """, new { Run = run });

        // The page counts the list's age on its own clock, some time between these two days.
        var firstDay = DateOnly.FromDateTime(DateTime.UtcNow);
        var page = await App.SignInAsync("ada");
        // Reference data loads in the background as the application starts: reload until it is there.
        for (var i = 0; i < 120 && await page.Locator("#freshness").CountAsync() == 0; i++)
        {
            await Task.Delay(500);
            await page.ReloadAsync();
        }
        var ages = new[] { firstDay, DateOnly.FromDateTime(DateTime.UtcNow) }.Select(d => d.DayNumber - _sanctionsAsOf.DayNumber).Distinct();
        await Expect(page.Locator("#freshness-warning")).ToContainTextAsync(new Regex($"ofac-sdn is ({string.Join('|', ages)}) days old \\(allowed 7\\)"));
        await Expect(Row(page, "freshness", "dataset", "ofac-sdn")).ToHaveAttributeAsync("data-freshness", "stale");
        await Expect(Row(page, "freshness", "dataset", "ofac-sdn").Locator("[data-col=freshness]")).ToHaveTextAsync("stale");
        await Expect(Row(page, "freshness", "dataset", "ip-asn")).ToHaveAttributeAsync("data-freshness", "fresh");
        await Expect(Row(page, "freshness", "dataset", "ip-asn")).ToContainTextAsync(Today);

        await ExpectConnectorHealthAsync(page);
        await Expect(page.Locator("#connectors-warning").GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", "/admin/connectors");

        await Expect(page.Locator("#scheduler-node")).ToContainTextAsync("dashboard-node");
        await Expect(page.Locator("#failed-batches")).ToContainTextAsync($"1 re-screening batch failed");
        await Expect(page.Locator("#failed-batches").GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", $"/admin/jobs#run-{run}-errors");
        await Expect(page.Locator("#failed-batch-count")).ToHaveTextAsync("1");
        await Expect(page.Locator("#latest-run")).ToContainTextAsync($"{run}, full: completed with failures");
        await Expect(page.Locator("#dashboard-schedules tr[data-trigger='rescreen-nightly']")).ToContainTextAsync("Nightly incremental re-screening");
        for (var i = 0; i < 40 && !(await page.Locator("#nodes-alive").TextContentAsync() ?? "").StartsWith("1 of", StringComparison.Ordinal); i++)
        {
            await Task.Delay(500);
            await page.ReloadAsync();
        }
        await Expect(page.Locator("#nodes-alive")).ToHaveTextAsync(new Regex(@"^1 of \d+$")); // nodes of earlier test runs may still be listed, failed

        foreach (var hidden in new[] { "#candidate-counts", "#worker-counts", "#score-histogram", "#backlog", "#decisions-by-week" })
            await Expect(page.Locator(hidden)).ToHaveCountAsync(0);
        await BrowserApp.ScreenshotAsync(page, "dashboard-admin");
    }
}
