using System.Text.Json;
using HireVet.Application.Access;
using HireVet.Application.Common.Security;
using HireVet.Application.Connectors;
using HireVet.Application.Notices;
using HireVet.Application.Reviews;
using HireVet.Application.Rulesets;
using HireVet.Application.Vetting;
using HireVet.Application.Vetting.Scoring;
using HireVet.Application.Webhooks;
using HireVet.IntegrationTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HireVet.IntegrationTests.Browser;

/// <summary>axe-core (tests/npm, pinned) run in Debian's Chromium on every page HireVet serves, each signed in as the
/// role that uses it and holding real content (a vetted candidate with signals, a decision, a run of the scheduler):
/// no serious or critical violation of WCAG 2.1 A/AA. A failure names each rule, its impact and the elements.</summary>
[Collection("db")]
public sealed class AccessibilityTests(DatabaseFixture db) : BrowserTest(db)
{
    private static readonly string AxeScript = Path.Combine(PrivatePostgres.RepositoryRoot(), "tests", "npm", "node_modules", "axe-core", "axe.min.js");
    private static readonly Lazy<string> AxeSource = new(() => File.ReadAllText(AxeScript));
    private long _candidate;
    private long _decision;
    private long _finalOwed;
    private long _finalSent;
    private long _finalNotice;
    private long _connector;

    protected override IReadOnlyList<User> Users =>
        [new("hana", Roles.Hr), new("sam", Roles.Security), new("sky", Roles.Security), new("audrey", Roles.Auditor), new("ada", Roles.Admin)];

    protected override async Task SeedAsync()
    {
        _candidate = (await Db.SendAsync(Dossiers.PayeeMismatch(), "hana", Roles.Hr)).Id;
        await Db.SendAsync(new VetCandidates.Command([_candidate]), "system", Roles.System);
        var other = (await Db.SendAsync(Dossiers.Honest(), "hana", Roles.Hr)).Id;
        await Db.SendAsync(new VetCandidates.Command([other]), "system", Roles.System);
        await Db.SendAsync(new SeedRuleset.Command(), "system", Roles.System);
        await Db.SendAsync(new CreateApiKey.Command { Name = "greenhouse", Role = Roles.Hr }, "ada", Roles.Admin);
        await Db.SendAsync(new CreateWebhook.Command { Url = "https://soar.example/hooks", Events = [WebhookOutbox.WorkerBandRaised] }, "ada", Roles.Admin);
        await Db.SendAsync(new ClaimCandidate.Command(_candidate), "sam", Roles.Security);
        _decision = (await Db.SendAsync(new DecideCandidate.Command
        {
            CandidateId = _candidate, Outcome = "request_information", Justification = "The payroll account is held by someone else: ask why.",
        }, "sam", Roles.Security)).DecisionId;
        // Notices: the request for information sent (notice 1), so that the letter pages have a letter.
        await Db.SendAsync(new RecordNoticeSent.Command { CandidateId = _candidate, Channel = "email" }, "sam", Roles.Security);

        // The review queue with rows of every kind: unclaimed, claimed by the reviewer and by another, and both
        // four-eyes lists (a decision of another reviewer's to approve, one of the reviewer's own waiting).
        var queued = new List<long>();
        for (var i = 0; i < 4; i++)
        {
            var id = (await Db.SendAsync(Dossiers.PayeeMismatch(), "hana", Roles.Hr)).Id;
            await Db.SendAsync(new VetCandidates.Command([id]), "system", Roles.System);
            queued.Add(id);
        }
        await Db.SendAsync(new ClaimCandidate.Command(queued[0]), "sam", Roles.Security);
        await Db.SendAsync(new ClaimCandidate.Command(queued[1]), "sky", Roles.Security);
        foreach (var (id, reviewer) in new[] { (queued[2], "sky"), (queued[3], "sam") })
        {
            await Db.SendAsync(new ClaimCandidate.Command(id), reviewer, Roles.Security);
            await Db.SendAsync(new DecideCandidate.Command { CandidateId = id, Outcome = "reject", Justification = "Pay goes to a third party." }, reviewer, Roles.Security);
        }

        // Final rejections: one still owed the adverse action notice, one whose notice was sent.
        _finalOwed = await FinalisedRejectionAsync();
        _finalSent = await FinalisedRejectionAsync();
        _finalNotice = (await Db.SendAsync(new RecordNoticeSent.Command { CandidateId = _finalSent, Channel = "post" }, "sam", Roles.Security)).NoticeId;

        // A connector that failed once, so that its row, its log and the dashboard's connector health have content.
        _connector = (await Db.SendAsync(new AddConnector.Command
        {
            Kind = "greenhouse", Name = "Greenhouse", Settings = new() { ["notes"] = "on", ["onBehalfOf"] = "4080" }, Secrets = new() { ["apiKey"] = "harvest-key" },
        }, "ada", Roles.Admin)).Id;
        await Db.SendAsync(new RecordConnectorFailure.Command(_connector, "sync", "Harvest answered 401 Unauthorized.", "53883394"), "system", Roles.System);
    }

    /// <summary>A rejection approved, its pre-adverse notice sent and made final. The waiting period is passed by moving
    /// the notice back in time (an edge state written directly: the flow itself is tested on a moved clock).</summary>
    private async Task<long> FinalisedRejectionAsync()
    {
        var id = (await Db.SendAsync(Dossiers.PayeeMismatch(), "hana", Roles.Hr)).Id;
        await Db.SendAsync(new VetCandidates.Command([id]), "system", Roles.System);
        await Db.SendAsync(new ClaimCandidate.Command(id), "sam", Roles.Security);
        var decision = await Db.SendAsync(new DecideCandidate.Command { CandidateId = id, Outcome = "reject", Justification = "Pay goes to a third party." }, "sam", Roles.Security);
        await Db.SendAsync(new ReviewDecision.Command { DecisionId = decision.DecisionId, Verdict = "approved", Justification = "Checked the payee evidence." }, "sky", Roles.Security);
        await Db.SendAsync(new RecordNoticeSent.Command { CandidateId = id, Channel = "email" }, "sam", Roles.Security);
        await Db.ExecuteAsync("update candidate_notices set sent_at = sent_at - interval '6 days', respond_by = respond_by - interval '6 days' where candidate_id = @id", new { id });
        await Db.SendAsync(new FinaliseRejection.Command { CandidateId = id, Justification = "No response within the waiting period." }, "sky", Roles.Security);
        return id;
    }

    private Task<IPage> PageAsync(string? user) => user is null ? App.PageAsync() : App.SignInAsync(user);

    /// <summary>The serious and critical violations axe finds on the page, one line each.</summary>
    internal static async Task<string[]> ViolationsAsync(IPage page)
    {
        // Evaluated through the DevTools protocol, not added as a <script>: the pages' content security policy (which
        // these tests keep on) refuses inline scripts, and axe must not need an exception to it.
        await page.EvaluateAsync(AxeSource.Value);
        var result = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
              return { passes: r.passes.length, violations: r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
                       targets: v.nodes.slice(0, 5).map(n => n.target.join(' ')) })) };
            }
            """);
        Assert.True(result.GetProperty("passes").GetInt32() > 0, "axe ran no rule that passed: it did not check the page.");
        return [.. result.GetProperty("violations").EnumerateArray()
            .Where(v => v.GetProperty("impact").GetString() is "serious" or "critical")
            .Select(v => $"{v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}): {v.GetProperty("help").GetString()} at " +
                         string.Join(", ", v.GetProperty("targets").EnumerateArray().Select(t => t.GetString())))];
    }

    public static TheoryData<string?, string, string> Pages => new()
    {
        { null, "/account/login", "#username" },
        { "hana", "/candidates", "main" },
        { "hana", "/candidates/new", "#legalName" },
        { "hana", "/candidates/{id}", "#status" },
        { "hana", "/admin/jobs", "main" },            // access denied, as HR sees it
        { "sam", "/reviews", "#queue" },
        { "sam", "/reviews?band=review&indicator=PAY-04&sort=oldest", "#queue" },                   // a filtered view
        { "sam", "/reviews?band=clear&indicator=nope&waiting=soon", "#filter-errors" },             // bad filters, named
        { "sam", "/reviews?assignee=me&indicator=NET-01", "#queue-empty" },                          // nothing matches
        { "sam", "/candidates/{id}", "article[data-indicator='PAY-04']" },
        { "audrey", "/audit", "main" },
        { "audrey", "/audit?outcome=request_information&reviewer=sam", "#decisions" },
        { "audrey", "/audit?from=last-week&band=purple", "#filter-errors" },
        { "audrey", "/audit/decisions/{decision}", "#signals" },
        { "audrey", "/audit/decisions/{decision}/report", "#report" },
        { "ada", "/admin/reference-data", "main" },
        { "ada", "/admin/jobs", "main" },
        { "ada", "/admin/users", "#users" },
        { "ada", "/admin/api-keys", "#keys" },
        { "ada", "/admin/sign-ins?outcome=succeeded", "#attempts" },
        { "ada", "/admin/rulesets", "#versions" },
        { "ada", $"/admin/rulesets/{Ruleset.Embedded.Version}", "#weights" },
        { "ada", "/admin/webhooks", "#webhooks" },
        { "ada", "/admin/connectors?log={connector}", "#connector-log" },
        { "ada", "/admin/connectors?Kind=greenhouse", "#add-form" },
        { "sam", "/candidates/999999", "main" },       // the not-found page
        { "audrey", "/candidates/{id}", ".catalogue" },
        { "hana", "/", "#candidates-by-status" },      // the dashboard, as each role sees it
        { "sam", "/", "#histogram-chart" },
        { "audrey", "/", "#decisions-chart" },
        { "ada", "/", "#scheduler-health" },
        { "sam", "/candidates/{id}/notices", "#preview" },
        { "hana", "/candidates/{id}/notices", "#notices" },
        { "sam", "/notices", "#notice-list" },
        { "hana", "/notices", "#notice-list" },
        { "audrey", "/notices/1", "#letter" },
        { "sam", "/candidates/{finalOwed}/notices", "#final-letter-when" },   // the adverse action notice owed, its preview
        { "hana", "/candidates/{finalSent}/notices", "#final-letter-when" },  // and sent, as HR sees it
        { "sam", "/notices?filter=final", "#notice-list" },
        { "audrey", "/notices/{finalNotice}", "#letter-deadline" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Every_page_has_no_serious_or_critical_accessibility_violation(string? user, string path, string shown)
    {
        var page = await PageAsync(user);
        await page.GotoAsync(path.Replace("{id}", _candidate.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Replace("{decision}", _decision.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Replace("{finalOwed}", _finalOwed.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Replace("{finalSent}", _finalSent.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Replace("{finalNotice}", _finalNotice.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Replace("{connector}", _connector.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        await Expect(page.Locator(shown).First).ToBeVisibleAsync();
        var violations = await ViolationsAsync(page);
        Assert.True(violations.Length == 0, $"{path} as {user ?? "anonymous"}:\n{string.Join('\n', violations)}");
    }

    [Fact]
    public async Task The_check_finds_a_violation_when_there_is_one()
    {
        var page = await PageAsync(null);
        await page.GotoAsync("/account/login");
        await page.EvaluateAsync("() => document.querySelector('main').insertAdjacentHTML('beforeend', '<input type=\"text\" id=\"unlabelled\">')");
        Assert.Contains(await ViolationsAsync(page), v => v.StartsWith("label (critical)", StringComparison.Ordinal));
    }
}
