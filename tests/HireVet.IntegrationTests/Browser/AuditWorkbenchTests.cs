using System.Text.Json;
using System.Text.RegularExpressions;
using HireVet.Application.Audit;
using HireVet.Application.Common.Formats;
using HireVet.Application.Common.Security;
using HireVet.Application.Reviews;
using HireVet.Application.Vetting;
using HireVet.IntegrationTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HireVet.IntegrationTests.Browser;

/// <summary>The auditor's workbench in Chromium: filter the decisions, open one and read its snapshot, signals and
/// justifications, export the filtered set as CSV and JSON (downloaded and parsed), open the printable report and its
/// PDF; nothing on these pages changes anything, and HR and security are refused.</summary>
[Collection("db")]
public sealed class AuditWorkbenchTests(DatabaseFixture db) : BrowserTest(db)
{
    private long _rejected;
    private long _informationRequested;
    private long _rejectedCandidate;

    protected override IReadOnlyList<User> Users =>
        [new("hana", Roles.Hr), new("sam", Roles.Security), new("sky", Roles.Security), new("audrey", Roles.Auditor)];

    protected override async Task SeedAsync()
    {
        // One rejection approved by a second reviewer, one request for information (no approval needed).
        _rejectedCandidate = (await Db.SendAsync(Dossiers.PayeeMismatch("audit-reject"), "hana", Roles.Hr)).Id;
        await Db.SendAsync(new VetCandidates.Command([_rejectedCandidate]), "system", Roles.System);
        await Db.SendAsync(new ClaimCandidate.Command(_rejectedCandidate), "sam");
        _rejected = (await Db.SendAsync(new DecideCandidate.Command
        {
            CandidateId = _rejectedCandidate, Outcome = "reject", Justification = "Pay goes to Christina Moore; the candidate never explained who she is.",
        }, "sam")).DecisionId;
        await Db.SendAsync(new ReviewDecision.Command { DecisionId = _rejected, Verdict = "approved", Justification = "I checked the payee evidence myself: agreed." }, "sky");

        var other = (await Db.SendAsync(Dossiers.PayeeMismatch("audit-info") with { LegalName = "Jordan Ellis" }, "hana", Roles.Hr)).Id;
        await Db.SendAsync(new VetCandidates.Command([other]), "system", Roles.System);
        await Db.SendAsync(new ClaimCandidate.Command(other), "sky");
        _informationRequested = (await Db.SendAsync(new DecideCandidate.Command
        {
            CandidateId = other, Outcome = "request_information", Justification = "Ask who holds the payroll account before deciding.",
        }, "sky")).DecisionId;
    }

    [Fact]
    public async Task An_auditor_filters_opens_a_decision_exports_the_filtered_set_and_prints_the_report()
    {
        // The scheduler's hourly full walk, recorded; then more audited commands after it (the submission, and its
        // vetting if the app's scheduler gets to it first).
        await Db.SendAsync(new RecordAuditChainWalk.Command(), "system", Roles.System);
        var walked = await Db.QuerySingleAsync<long>("select through_seq from audit_chain_walks");
        await Db.SendAsync(Dossiers.Honest("audit-after-walk"), "hana", Roles.Hr);

        var page = await App.SignInAsync("audrey");
        await page.GotoAsync("/audit");
        await Expect(page.Locator("#chain-status")).ToContainTextAsync("Chain verified");
        await Expect(page.Locator("#chain-walk")).ToContainTextAsync($"Records 1 to {walked} were walked in full at");
        await Expect(page.Locator("#chain-walk")).ToContainTextAsync(new Regex($@"records {walked} to \d+ were checked just now"));
        await page.ClickAsync("#walk-in-full");
        await Expect(page.Locator("#chain-walk")).ToHaveTextAsync("The whole chain was walked just now.");
        await Expect(page.Locator("#chain-status")).ToContainTextAsync("Chain verified");
        await page.GotoAsync("/audit");
        await Expect(page.Locator("#decision-count")).ToContainTextAsync("2 decisions");
        await Expect(page.Locator("#decisions tbody tr")).ToHaveCountAsync(2);

        // Filter with the form (labelled controls); the filters land in the address, bookmarkable.
        await page.GetByLabel("Outcome").SelectOptionAsync("reject");
        await page.GetByLabel("Band at decision").SelectOptionAsync("");
        await page.GetByLabel("Reviewer").FillAsync("sky");
        await page.GetByLabel("Decided from").FillAsync(DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.ClickAsync("#apply-filters");
        await Expect(page).ToHaveURLAsync(new Regex(@"outcome=reject.*reviewer=sky|reviewer=sky.*outcome=reject"));
        await Expect(page.Locator("#decision-count")).ToContainTextAsync("1 decision matches the filters");
        var rows = page.Locator("#decisions tbody tr");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First).ToHaveAttributeAsync("data-decision-id", _rejected.ToString());
        await Expect(rows.First).ToContainTextAsync("Pay goes to Christina Moore");
        await Expect(rows.First).ToContainTextAsync("PAY-04");
        await AssertReadOnlyAsync(page);
        await BrowserApp.ScreenshotAsync(page, "audit-decisions");

        // The exports carry the filters: exactly the one row.
        var csv = await DownloadAsync(page, "#export-csv");
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = Csv.Split(lines[0]).ToList();
        var row = Assert.Single(lines.Skip(1).Select(Csv.Split));
        Assert.Equal(_rejected.ToString(), row[header.IndexOf("decision_id")]);
        Assert.Equal("reject", row[header.IndexOf("outcome")]);
        Assert.Equal("sky", row[header.IndexOf("approved_by")]);
        Assert.Contains("PAY-04", row[header.IndexOf("indicators")]);
        var json = JsonDocument.Parse(await DownloadAsync(page, "#export-json")).RootElement;
        var exported = Assert.Single(json.EnumerateArray());
        Assert.Equal(_rejected, exported.GetProperty("decisionId").GetInt64());
        Assert.Equal("Pay goes to Christina Moore; the candidate never explained who she is.", exported.GetProperty("justification").GetString());

        // The decision: snapshot, signals with evidence, trace, both justifications, the revision and the audit records.
        await page.ClickAsync($"#decisions a[href='/audit/decisions/{_rejected}']");
        await Expect(page.Locator("h1")).ToContainTextAsync($"Decision {_rejected}: Reject");
        await Expect(page.Locator("#chain-status")).ToContainTextAsync("Chain verified");
        await Expect(page.Locator("#justification")).ToHaveTextAsync("Pay goes to Christina Moore; the candidate never explained who she is.");
        await Expect(page.Locator("#approval-verdict")).ToHaveTextAsync("approved");
        await Expect(page.Locator("#approved-by")).ToHaveTextAsync("sky");
        await Expect(page.Locator("#approval-justification")).ToHaveTextAsync("I checked the payee evidence myself: agreed.");
        var assessment = await Db.QuerySingleAsync<(long Id, int Score, string Hash)>(
            "select a.id, a.score, a.ruleset_hash from decisions d join assessments a on a.id = d.assessment_id where d.id = @id", new { id = _rejected });
        await Expect(page.Locator("#assessment-id")).ToHaveTextAsync(assessment.Id.ToString());
        await Expect(page.Locator("#assessment-score")).ToHaveTextAsync(assessment.Score.ToString());
        await Expect(page.Locator("#ruleset-hash")).ToHaveTextAsync(assessment.Hash);
        var payee = page.Locator("#signals article[data-indicator='PAY-04']");
        await Expect(payee).ToContainTextAsync("Christina Moore");
        await Expect(payee).ToContainTextAsync("weight");
        await Expect(page.Locator("#trace tr[data-check='payee-name']")).ToContainTextAsync("Fired");
        await Expect(page.Locator("#revision-number")).ToHaveTextAsync("1");
        var records = page.Locator("#records tbody tr");
        await Expect(records).ToHaveCountAsync(5);
        await Expect(page.Locator("#records tr[data-action='DecideCandidate']")).ToContainTextAsync("sam");
        await Expect(page.Locator("#records tr[data-action='DecideCandidate']")).ToContainTextAsync("this decision");
        await Expect(page.Locator("#records tr[data-action='ReviewDecision']")).ToContainTextAsync("sky");
        for (var i = 0; i < 5; i++) await Expect(records.Nth(i)).ToContainTextAsync("Verified");
        await AssertReadOnlyAsync(page);
        await BrowserApp.ScreenshotAsync(page, "audit-decision");

        // The printable report: the same record, for paper; printed, the navigation is gone.
        await page.ClickAsync("#report-link");
        await Expect(page.Locator("h1")).ToHaveTextAsync($"HireVet decision report: decision {_rejected}");
        await Expect(page.Locator("#report #justification")).ToContainTextAsync("Pay goes to Christina Moore");
        await Expect(page.Locator("#report #signals article[data-indicator='PAY-04']")).ToContainTextAsync("Christina Moore");
        await Expect(page.Locator("#report #approval-justification")).ToContainTextAsync("agreed");
        await Expect(page.Locator("#report #records tbody tr")).ToHaveCountAsync(5);
        await AssertReadOnlyAsync(page);
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await Expect(page.Locator(".site-header")).ToBeHiddenAsync();
        Assert.Equal("rgb(0, 0, 0)", await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('#report h1')).color"));
        await BrowserApp.ScreenshotAsync(page, "audit-report");
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Screen });

        // The PDF (Chromium is installed here, so the decision page links to it).
        await page.GotoAsync($"/audit/decisions/{_rejected}");
        var pdfLink = page.Locator("#report-pdf-link");
        await Expect(pdfLink).ToBeVisibleAsync();
        var pdf = await page.APIRequest.GetAsync((await pdfLink.GetAttributeAsync("href"))!, new APIRequestContextOptions { Timeout = 90_000 });
        Assert.Equal(200, pdf.Status);
        Assert.Equal("application/pdf", pdf.Headers["content-type"]);
        var bytes = await pdf.BodyAsync();
        Assert.True(bytes.Length > 1000, $"The PDF has only {bytes.Length} bytes.");
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));

        // Reading changed nothing: the same decisions and approvals as before.
        Assert.Equal(2, await Db.QuerySingleAsync<int>("select count(*)::int from decisions"));
        Assert.Equal(1, await Db.QuerySingleAsync<int>("select count(*)::int from decision_approvals"));
    }

    [Fact]
    public async Task Invalid_filters_are_explained_on_the_page_and_other_pages_keep_the_filters()
    {
        var page = await App.SignInAsync("audrey");
        var response = await page.GotoAsync("/audit?from=last-week&band=purple");
        Assert.Equal(400, response!.Status);
        var errors = page.Locator("#filter-errors");
        await Expect(errors).ToContainTextAsync("'from' must be a date");
        await Expect(errors).ToContainTextAsync("'band' must be one of: clear, review, high.");
        await Expect(page.Locator("#decisions")).ToHaveCountAsync(0);

        // A valid bookmark: the export links carry its filters.
        await page.GotoAsync("/audit?outcome=request_information");
        await Expect(page.Locator("#decisions tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("#decisions tbody tr").First).ToHaveAttributeAsync("data-decision-id", _informationRequested.ToString());
        await Expect(page.Locator("#export-csv")).ToHaveAttributeAsync("href", "/api/audit/decisions/export?format=csv&outcome=request_information");
        await Expect(page.GetByLabel("Outcome")).ToHaveValueAsync("request_information");
    }

    [Fact]
    public async Task HR_and_security_are_refused_the_audit_pages_and_the_PDF()
    {
        foreach (var user in new[] { "hana", "sam" })
        {
            var page = await App.SignInAsync(user);
            foreach (var path in new[] { "/audit", $"/audit/decisions/{_rejected}", $"/audit/decisions/{_rejected}/report" })
            {
                await page.GotoAsync(path);
                await Expect(page.Locator("h1")).ToHaveTextAsync("Access denied");
                await Expect(page.Locator("main")).Not.ToContainTextAsync("Christina Moore");
            }
            var pdf = await page.APIRequest.GetAsync($"/audit/decisions/{_rejected}/report.pdf",
                new APIRequestContextOptions { MaxRedirects = 0 });
            Assert.True(pdf.Status is 302 or 403, $"{user} got {pdf.Status} for the PDF");
            Assert.NotEqual("application/pdf", pdf.Headers.GetValueOrDefault("content-type"));
        }
    }

    /// <summary>Nothing in the page's content can change state: no POST form, no button but the filter form's.</summary>
    private static async Task AssertReadOnlyAsync(IPage page)
    {
        await Expect(page.Locator("main form:not([method='get'])")).ToHaveCountAsync(0);
        await Expect(page.Locator("main button:not(#apply-filters)")).ToHaveCountAsync(0);
        await Expect(page.Locator("main input[type='hidden'][name='__RequestVerificationToken']")).ToHaveCountAsync(0);
    }

    private static async Task<string> DownloadAsync(IPage page, string link)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync(link));
        return await File.ReadAllTextAsync((await download.PathAsync())!);
    }
}
