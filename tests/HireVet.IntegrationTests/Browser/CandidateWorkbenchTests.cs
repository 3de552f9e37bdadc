using System.Text.RegularExpressions;
using HireVet.Application.Candidates;
using HireVet.Application.Common.Security;
using HireVet.Application.Reviews;
using HireVet.Application.Vetting;
using HireVet.IntegrationTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace HireVet.IntegrationTests.Browser;

/// <summary>The candidate page as a reviewer's workbench, in Chromium: a ring of three (Ana and Ben share a bank
/// account, Ben and Cal a phone number). The reviewer reads Ana's signals by area with the catalogue's text, the score
/// breakdown, where her addresses were seen and what re-screening changed, then moves through the ring from the link
/// graph to a decision on Cal. HR sees the same page without the assessment, the ring or reviewers' words.</summary>
[Collection("db")]
public sealed class CandidateWorkbenchTests(DatabaseFixture db) : BrowserTest(db)
{
    protected override IReadOnlyList<User> Users => [new("hana", Roles.Hr), new("sam", Roles.Security), new("audrey", Roles.Auditor)];

    [Fact]
    public async Task A_reviewer_reads_the_evidence_and_goes_from_the_link_graph_to_a_decision()
    {
        var ana = await Db.SubmitAndVetAllAsync(Dossiers.RingMember("Ana Costa", "771100245", "+1 615 555 0101"));
        var ben = await Db.SubmitAndVetAllAsync(Dossiers.RingMember("Ben Osei", "771100245", "+1 615 555 0190"));
        var anaNow = (await Db.SendAsync(new GetCandidate.Query(ana), "sam", Roles.Security)).LatestAssessment!;
        Assert.NotEqual("clear", anaNow.Band);

        var sam = await App.SignInAsync("sam");
        await sam.GotoAsync($"/candidates/{ana}");

        // Signals by area, each with the advisory indicator's own words and its sources from the catalogue.
        var links = sam.Locator("section.signal-area[data-area='links']");
        await Expect(links.Locator("h4")).ToContainTextAsync("Links to other candidates");
        var link05 = links.Locator("article[data-indicator='LINK-05']").First;
        await Expect(link05.Locator(".catalogue")).ToContainTextAsync("Same payment account, wallet or bank across workers");
        await Expect(link05.Locator(".catalogue .sources a").First).ToHaveAttributeAsync("href", new Regex("^https://"));

        // The score breakdown: one row per indicator and the score its rows add up to, drawn as a chart too.
        await Expect(sam.Locator("#breakdown-score")).ToHaveTextAsync(anaNow.Score.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var indicator in anaNow.Signals.Select(s => s.IndicatorId).Distinct())
            await Expect(sam.Locator($"#breakdown tr[data-part='{indicator}']")).ToHaveCountAsync(1);
        Assert.True(await sam.EvaluateAsync<bool>("() => Chart.getChart(document.getElementById('score-chart')) !== undefined"));

        // Re-screening moved Ana's band when Ben joined: the comparison is open and names the new signals.
        var comparison = sam.Locator("#comparison");
        Assert.True(await comparison.EvaluateAsync<bool>("details => details.open"));
        await Expect(comparison.Locator("summary")).ToContainTextAsync($"band clear → {anaNow.Band}");
        await Expect(comparison.Locator("#comparison-changes li[data-change='added']").First).ToBeVisibleAsync();

        // Where her addresses were seen (a US home connection in the fixture) against where she says she lives.
        await Expect(sam.Locator("#claimed-country")).ToContainTextAsync("US");
        await Expect(sam.Locator("#locations-table tbody tr[data-country='US'][data-how='located']")).ToContainTextAsync("matches");

        // The timeline holds the submission and both assessments (alone, then with Ben).
        await Expect(sam.Locator("#timeline-entries li[data-kind='submission']")).ToHaveCountAsync(1);
        await Expect(sam.Locator("#timeline-entries li[data-kind='assessment']")).ToHaveCountAsync(2);
        await BrowserApp.ScreenshotAsync(sam, "candidate-workbench");
        var violations = await AccessibilityTests.ViolationsAsync(sam);
        Assert.True(violations.Length == 0, string.Join('\n', violations));

        // Cal joins the ring through Ben's phone number.
        var cal = await Db.SubmitAndVetAllAsync(Dossiers.RingMember("Cal Novak", "998877665", "+1 615 555 0190"));
        await sam.ReloadAsync();

        // The link graph draws the ring; selecting Cal's node opens Cal.
        await Expect(sam.Locator("#ring-table tbody tr")).ToHaveCountAsync(3);
        await sam.WaitForFunctionAsync("() => window.hirevetLinkGraph && window.hirevetLinkGraph.nodes().length === 3");
        Assert.Equal(2, await sam.EvaluateAsync<int>("() => window.hirevetLinkGraph.edges().length"));
        Assert.Equal(["bank account", "phone"], (await sam.EvaluateAsync<string[]>(
            "() => window.hirevetLinkGraph.edges().map(e => e.data('label')).sort()")).Select(l => l.Replace('_', ' ')).ToArray());
        await sam.Locator("#link-graph").ScrollIntoViewIfNeededAsync();
        await BrowserApp.ScreenshotAsync(sam, "candidate-link-graph");
        // A real pointer click where cytoscape drew Cal's node, after the page above the graph has moved it (a section
        // opened) without a scroll or a resize, which cytoscape alone would not notice.
        await sam.EvaluateAsync("() => { const spacer = document.createElement('div'); spacer.style.height = '60px'; document.getElementById('link-graph').before(spacer); }");
        var box = (await sam.Locator("#link-graph").BoundingBoxAsync())!;
        var at = await sam.EvaluateAsync<float[]>($"() => {{ const p = window.hirevetLinkGraph.getElementById('{cal}').renderedPosition(); return [p.x, p.y]; }}");
        Assert.True(box.Height >= 400, $"The graph is drawn {box.Height} px high: a style rule collapsed it.");
        Assert.InRange(box.Y + at[1], 0, await sam.EvaluateAsync<double>("() => window.innerHeight"));
        await sam.Mouse.ClickAsync(box.X + at[0], box.Y + at[1]);
        await sam.WaitForURLAsync(new Regex($"/candidates/{cal}$"));
        await Expect(sam.Locator("h1")).ToContainTextAsync("Cal Novak");

        // From there, a decision without leaving the workbench.
        await sam.ClickAsync("#claim");
        await sam.SelectOptionAsync("#outcome", "reject");
        await sam.FillAsync("#justification", "Shares a phone with Ben Osei, who shares a bank account with Ana Costa.");
        await sam.ClickAsync("#decide");
        await Expect(sam.Locator("#status")).ToContainTextAsync("awaiting approval");
        await Expect(sam.Locator("#timeline-entries li[data-kind='decision']")).ToContainTextAsync("Decision: reject (needs a second reviewer)");
        Assert.Equal(1, await Db.QuerySingleAsync<int>("select count(*)::int from decisions where candidate_id = @cal", new { cal }));
    }

    [Fact]
    public async Task HR_sees_status_and_the_timeline_without_evidence_scores_or_reviewers_words()
    {
        var id = await Db.SubmitAndVetAllAsync(Dossiers.PayeeMismatch());
        await Db.SendAsync(new HireVet.Application.Reviews.ClaimCandidate.Command(id), "sam", Roles.Security);
        await Db.SendAsync(new HireVet.Application.Reviews.DecideCandidate.Command
        {
            CandidateId = id, Outcome = "request_information", Justification = "Ask who Christina Moore is and why she is paid.",
        }, "sam", Roles.Security);

        var hana = await App.SignInAsync("hana");
        await hana.GotoAsync($"/candidates/{id}");
        await Expect(hana.Locator("#status")).ToContainTextAsync("information requested");
        await Expect(hana.Locator("#timeline-entries li[data-kind='decision']")).ToContainTextAsync("Decision: request information");
        foreach (var hidden in new[] { "#assessment", "#signals", "#score-breakdown", "#links", "#locations", "#dossier" })
            await Expect(hana.Locator(hidden)).ToHaveCountAsync(0);
        var text = await hana.Locator("main").InnerTextAsync();
        Assert.DoesNotContain("Christina Moore is and why", text);
        Assert.DoesNotContain("PAY-04", text);
        Assert.DoesNotContain("sam", await hana.Locator("#timeline").InnerTextAsync());
        await BrowserApp.ScreenshotAsync(hana, "candidate-hr");
    }

    [Fact]
    public async Task An_auditor_reads_the_workbench_and_has_nothing_to_act_on()
    {
        var id = await Db.SubmitAndVetAllAsync(Dossiers.PayeeMismatch());
        var audrey = await App.SignInAsync("audrey");
        await audrey.GotoAsync($"/candidates/{id}");
        await Expect(audrey.Locator("article[data-indicator='PAY-04'] .catalogue")).ToBeVisibleAsync();
        await Expect(audrey.Locator("#breakdown")).ToBeVisibleAsync();
        await Expect(audrey.Locator("#actions")).ToHaveCountAsync(0);
        await Expect(audrey.Locator("main form")).ToHaveCountAsync(0);
    }
}
