using System.Text.RegularExpressions;
using HireVet.Application.Common.Security;
using HireVet.Application.Vetting;
using HireVet.Application.Workers;
using HireVet.IntegrationTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HireVet.IntegrationTests.Browser;

/// <summary>The admin jobs page in Debian's Chromium, on real Hangfire: the nightly and weekly schedules with their next
/// run, the queues and this node's servers, "run now" on a schedule, a full run started from the form that completes on
/// the job servers, failed batches with their errors, Hangfire's read-only dashboard for the admin, and HR turned away
/// from both.</summary>
[Collection("db")]
public sealed class JobsPageTests(DatabaseFixture db) : BrowserTest(db)
{
    private DateTimeOffset _startedAt;

    protected override IReadOnlyList<User> Users => [new("ada", Roles.Admin), new("hana", Roles.Hr)];

    protected override Task SeedAsync()
    {
        _startedAt = DateTimeOffset.UtcNow;
        return Task.CompletedTask;
    }

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Jobs:NodeName"] = "browser-node" };

    protected override bool TimedSchedules => true;

    private Task<IPage> SignInAsync(string user) => App.SignInAsync(user);

    private async Task HireAWorkerAsync()
    {
        var candidate = (await Db.SendAsync(Dossiers.Honest(), "hana", Roles.Hr)).Id;
        await Db.SendAsync(new VetCandidates.Command([candidate]), "system", Roles.System);
        await Db.SendAsync(new HireCandidate.Command
        {
            CandidateId = candidate, EmployeeId = "E-2001", StartDate = new DateOnly(2026, 11, 2), WorkEmail = "emily.carter@corp.example",
        }, "hana", Roles.Hr);
    }

    /// <summary>The first time of day <paramref name="hour"/>:00 UTC (on that weekday, if given) after the moment.</summary>
    private static string NextAt(DateTimeOffset after, int hour, DayOfWeek? day = null)
    {
        var candidate = new DateTimeOffset(after.UtcDateTime.Date.AddHours(hour), TimeSpan.Zero);
        while (candidate <= after || (day is { } d && candidate.DayOfWeek != d)) candidate = candidate.AddDays(1);
        return Utc(candidate);
    }

    private static Regex EitherOf(string a, string b) => new($@"^\s*({Regex.Escape(a)}|{Regex.Escape(b)})\s*$");

    private static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Admin_sees_the_jobs_schedules_starts_a_full_run_and_sees_it_complete_while_HR_is_denied_the_jobs_page()
    {
        await HireAWorkerAsync();

        var admin = await SignInAsync("ada");
        await admin.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Jobs" }).ClickAsync();
        await Expect(admin.Locator("#scheduler-status")).ToHaveTextAsync("This node, browser-node, runs jobs.");
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Jobs", Level = 1 })).ToBeVisibleAsync();
        var now = DateTimeOffset.UtcNow;

        // The next run was computed when the app registered its schedules, or when the schedule last came due.
        var nightly = admin.Locator("#schedules tr[data-trigger='rescreen-nightly']");
        await Expect(nightly).ToContainTextAsync("Nightly incremental re-screening");
        await Expect(nightly.Locator("[data-col=when]")).ToHaveTextAsync("every day at 02:00 0 0 2 * * ? (UTC)");
        await Expect(nightly.Locator("[data-col=next-fire]")).ToHaveTextAsync(EitherOf(NextAt(_startedAt, 2), NextAt(now, 2)));
        var weekly = admin.Locator("#schedules tr[data-trigger='rescreen-weekly']");
        await Expect(weekly).ToContainTextAsync("Weekly full re-screening");
        await Expect(weekly.Locator("[data-col=when]")).ToContainTextAsync("every Sunday at 03:00");
        await Expect(weekly.Locator("[data-col=next-fire]")).ToHaveTextAsync(EitherOf(NextAt(_startedAt, 3, DayOfWeek.Sunday), NextAt(now, 3, DayOfWeek.Sunday)));
        await Expect(admin.Locator("#queues tr[data-queue='vetting']")).ToBeVisibleAsync();
        await Expect(admin.Locator("#queues tr[data-queue='rescreen']")).ToBeVisibleAsync();
        var node = admin.Locator("#nodes tr[data-node='browser-node']");
        await Expect(node).ToContainTextAsync("(this node)");
        await Expect(node).ToContainTextAsync("browser-node-rescreen (rescreen; 4 workers)");
        await Expect(node.Locator("[data-col=state]")).ToHaveTextAsync("alive");

        // Run the audit walk now: enqueued at once, then its outcome shows on reload.
        await admin.GetByRole(AriaRole.Button, new() { Name = "Run now: Audit: walk the whole hash chain and record the result" }).ClickAsync();
        await Expect(admin.Locator("#flash")).ToHaveTextAsync(new Regex(@"^Enqueued walk-audit-chain now \(job \d+\)\.$"));
        var walk = admin.Locator("#schedules tr[data-trigger='walk-audit-chain'] [data-col=state]");
        var walkDeadline = DateTime.UtcNow.AddSeconds(60);
        while (await walk.TextContentAsync() is not { } text || !text.StartsWith("succeeded", StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < walkDeadline, "the walk did not succeed within 60 s");
            await Task.Delay(500);
            await admin.ReloadAsync();
        }

        // Start a full run from the form, by its labels.
        await admin.GetByLabel("Kind").SelectOptionAsync("full");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Start a run now" }).ClickAsync();
        await Expect(admin.Locator("#flash")).ToHaveTextAsync(new Regex(@"^Started run (\d+) \(full\): 1 subject in 1 batch\.$"));
        var runId = Regex.Match(await admin.Locator("#flash").TextContentAsync() ?? "", @"run (\d+)").Groups[1].Value;
        var run = admin.Locator($"#runs tr[data-run-id='{runId}']");
        await Expect(run.Locator("[data-col=kind]")).ToHaveTextAsync("full");
        await Expect(run.Locator("[data-col=trigger]")).ToHaveTextAsync("manual");
        await Expect(run.Locator("[data-col=requested-by]")).ToHaveTextAsync("ada");

        // A job server runs the batch; the page shows progress on reload.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await run.GetAttributeAsync("data-status") != "completed")
        {
            Assert.True(DateTime.UtcNow < deadline, "the run did not complete within 60 s");
            await Task.Delay(500);
            await admin.ReloadAsync();
        }
        await Expect(run.Locator("[data-col=status]")).ToHaveTextAsync("completed");
        await Expect(run.Locator("[data-col=processed]")).ToHaveTextAsync("1");
        await Expect(run.Locator("[data-col=total]")).ToHaveTextAsync("1");
        var progress = admin.GetByRole(AriaRole.Progressbar, new() { Name = $"Run {runId}: 1 of 1 subjects processed" });
        await Expect(progress).ToHaveAttributeAsync("value", "1");
        await Expect(progress).ToHaveAttributeAsync("max", "1");
        await Expect(run.Locator("[data-col=batches]")).ToHaveTextAsync("1 done, 0 failed, of 1");
        await Expect(run.Locator("[data-col=failures]")).ToHaveTextAsync("0");
        await BrowserApp.ScreenshotAsync(admin, "jobs-page");

        // Hangfire's dashboard, linked from the page, read-only.
        await admin.Locator("#hangfire-dashboard").ClickAsync();
        await Expect(admin).ToHaveTitleAsync(new Regex("HireVet jobs"));
        await admin.GotoAsync("/admin/hangfire/recurring");
        await Expect(admin.Locator("body")).ToContainTextAsync("rescreen-nightly");
        await Expect(admin.GetByRole(AriaRole.Button, new() { Name = "Trigger now" })).ToHaveCountAsync(0);
        await BrowserApp.ScreenshotAsync(admin, "jobs-hangfire-dashboard");

        // HR has no Jobs link and is turned away from the page.
        var hr = await SignInAsync("hana");
        await Expect(hr.GetByRole(AriaRole.Link, new() { Name = "Jobs" })).ToHaveCountAsync(0);
        await hr.GotoAsync("/admin/jobs");
        await Expect(hr).ToHaveURLAsync(new Regex("/account/access-denied"));
        await Expect(hr.GetByRole(AriaRole.Heading, new() { Name = "Access denied" })).ToBeVisibleAsync();
        await Expect(hr.Locator("#schedules")).ToHaveCountAsync(0);
        await hr.GotoAsync("/admin/hangfire/");
        await Expect(hr).ToHaveURLAsync(new Regex("/account/access-denied"));
    }

    [Fact]
    public async Task A_run_with_a_failed_batch_shows_the_batch_with_its_attempts_node_and_last_error()
    {
        var runId = await Db.QuerySingleAsync<long>("""
            insert into rescreen_runs (kind, trigger, requested_by, started_at, finished_at, status, total, batches, processed, failures, reference_version)
            values ('incremental', 'schedule', 'system', now() - interval '5 minutes', now(), 'completed_with_failures', 300, 2, 200, 1, '[]')
            returning id
            """);
        await Db.ExecuteAsync("""
            insert into rescreen_batches (run_id, batch_no, candidate_ids, status, attempts, processed, last_error, node, finished_at) values
              (@runId, 1, '{1}', 'done', 1, 200, null, 'node-a', now()),
              (@runId, 2, '{2}', 'failed', 3, null, 'timeout while reading sign_in_events', 'node-b', null)
            """, new { runId });

        var admin = await SignInAsync("ada");
        await admin.GotoAsync("/admin/jobs");
        var run = admin.Locator($"#runs tr[data-run-id='{runId}']");
        await Expect(run.Locator("[data-col=status]")).ToHaveTextAsync("completed with failures");
        await Expect(run.Locator("[data-col=batches]")).ToHaveTextAsync("1 done, 1 failed, of 2");
        await run.Locator("[data-col=failures] a").ClickAsync();

        var errors = admin.Locator($"#run-{runId}-errors");
        await Expect(errors.Locator("summary")).ToHaveTextAsync($"Run {runId}: 1 batch with errors");
        var batch = errors.Locator("tr[data-batch='2']");
        await Expect(batch).ToBeVisibleAsync(); // open without a click: the run has a failure
        await Expect(batch).ToContainTextAsync("failed");
        await Expect(batch).ToContainTextAsync("3");
        await Expect(batch).ToContainTextAsync("node-b");
        await Expect(batch).ToContainTextAsync("timeout while reading sign_in_events");
        await Expect(errors.Locator("tr[data-batch='1']")).ToHaveCountAsync(0);
        await BrowserApp.ScreenshotAsync(admin, "jobs-page-failed-batch");
    }
}
