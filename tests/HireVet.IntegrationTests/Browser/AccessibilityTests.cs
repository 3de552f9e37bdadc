using System.Text.Json;
using HireVet.Application.Access;
using HireVet.Application.Common.Security;
using HireVet.Application.Reviews;
using HireVet.Application.Vetting;
using HireVet.IntegrationTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HireVet.IntegrationTests.Browser;

/// <summary>axe-core (tests/npm, pinned) run in Debian's Chromium on every page HireVet serves, each signed in as the
/// role that uses it and holding real content (a vetted candidate with signals, a decision, a run of the scheduler):
/// no serious or critical violation of WCAG 2.1 A/AA. A failure names each rule, its impact and the elements.</summary>
[Collection("db")]
public sealed class AccessibilityTests(DatabaseFixture db) : IAsyncLifetime
{
    private const string Password = BrowserApp.Password;
    private static readonly string AxeScript = Path.Combine(PrivatePostgres.RepositoryRoot(), "tests", "npm", "node_modules", "axe-core", "axe.min.js");
    private BrowserApp _browser = null!;
    private long _candidate;

    public async Task InitializeAsync()
    {
        await db.ResetAsync();
        foreach (var (user, role) in new[] { ("hana", Roles.Hr), ("sam", Roles.Security), ("audrey", Roles.Auditor), ("ada", Roles.Admin) })
            await db.SendAsync(new CreateUser.Command { Username = user, Role = role, Password = Password }, "fixture", Roles.Admin);
        _candidate = (await db.SendAsync(Dossiers.PayeeMismatch(), "hana", Roles.Hr)).Id;
        await db.SendAsync(new VetCandidate.Command(_candidate), "system", Roles.System);
        var other = (await db.SendAsync(Dossiers.Honest(), "hana", Roles.Hr)).Id;
        await db.SendAsync(new VetCandidate.Command(other), "system", Roles.System);
        await db.SendAsync(new ClaimCandidate.Command(_candidate), "sam", Roles.Security);
        await db.SendAsync(new DecideCandidate.Command
        {
            CandidateId = _candidate, Outcome = "request_information", Justification = "The payroll account is held by someone else: ask why.",
        }, "sam", Roles.Security);

        _browser = await BrowserApp.StartAsync(db.ConnectionString);
    }

    public Task DisposeAsync() => _browser.DisposeAsync().AsTask();

    private Task<IPage> PageAsync(string? user) => user is null ? _browser.PageAsync() : _browser.SignInAsync(user);

    /// <summary>The serious and critical violations axe finds on the page, one line each.</summary>
    private static async Task<string[]> ViolationsAsync(IPage page)
    {
        // Evaluated through the DevTools protocol: the content security policy forbids the inline <script> AddScriptTag writes.
        if (!await page.EvaluateAsync<bool>("() => typeof axe !== 'undefined'")) await page.EvaluateAsync(await File.ReadAllTextAsync(AxeScript));
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
        { "sam", "/reviews", "main" },
        { "sam", "/candidates/{id}", "article[data-indicator='PAY-04']" },
        { "audrey", "/audit", "main" },
        { "ada", "/admin/reference-data", "main" },
        { "ada", "/admin/jobs", "main" },
        { "sam", "/candidates/999999", "main" },       // the not-found page
        { "hana", "/", "#candidates-by-status" },      // the dashboard, as each role sees it
        { "sam", "/", "#histogram-chart" },
        { "audrey", "/", "#decisions-chart" },
        { "ada", "/", "#scheduler-health" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Every_page_has_no_serious_or_critical_accessibility_violation(string? user, string path, string shown)
    {
        var page = await PageAsync(user);
        await page.GotoAsync(path.Replace("{id}", _candidate.ToString(System.Globalization.CultureInfo.InvariantCulture)));
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
