using System.Text.RegularExpressions;
using HireVet.Application.Common.Security;
using HireVet.IntegrationTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HireVet.IntegrationTests.Browser;

/// <summary>The whole path in Debian's Chromium: HR submits a candidate paid into someone else's account, the
/// scheduler vets it, a security reviewer sees PAY-04 with its evidence and rejects, a second reviewer approves (the
/// rejection is then pending its pre-adverse-action notice), and an auditor sees the decision on a verified chain.</summary>
[Collection("db")]
public sealed class ReviewJourneyTests(DatabaseFixture db) : BrowserTest(db)
{
    protected override IReadOnlyList<User> Users =>
        [new("hana", Roles.Hr), new("sam", Roles.Security), new("sky", Roles.Security), new("audrey", Roles.Auditor)];

    private Task<IPage> SignInAsync(string user) => App.SignInAsync(user);

    private static Task Screenshot(IPage page, string name) => BrowserApp.ScreenshotAsync(page, name);

    private async Task WaitForVettingAsync(long id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await Db.QuerySingleAsync<string>("select vetting_status from candidates where id = @id", new { id }) != "completed")
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The scheduler did not vet the candidate within 60 s.");
            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task HR_submits_security_rejects_on_PAY_04_a_second_reviewer_approves_and_the_auditor_sees_a_verified_chain()
    {
        // HR submits through the form; the payroll account belongs to someone else.
        var hr = await SignInAsync("hana");
        await hr.GotoAsync("/candidates/new");
        await hr.FillAsync("#externalId", "journey-1");
        await hr.FillAsync("#legalName", "Daniel Brooks");
        await hr.FillAsync("#email", "d.brooks.dev@example.org");
        await hr.FillAsync("#phone", "+1 312 555 0102");
        await hr.FillAsync("#residenceLine1", "77 W Wacker Dr");
        await hr.FillAsync("#residenceCity", "Chicago");
        await hr.FillAsync("#residencePostalCode", "60601");
        await hr.FillAsync("#residenceCountry", "US");
        await hr.SelectOptionAsync("#payrollMethod", "bank_transfer");
        await hr.FillAsync("#accountHolderName", "Christina Moore");
        await hr.FillAsync("#bankCountry", "US");
        await hr.FillAsync("#accountNumber", "330019284");
        await hr.FillAsync("#routingNumber", "062000019");
        await Screenshot(hr, "01-hr-new-candidate");
        await hr.ClickAsync("#submit-candidate");
        await hr.WaitForURLAsync(new Regex(@"/candidates/\d+$")); // not "**/candidates/*": that matches /candidates/new itself
        var id = long.Parse(hr.Url.Split('/').Last());

        await WaitForVettingAsync(id);
        await hr.ReloadAsync();
        await Expect(hr.Locator("#status")).ToContainTextAsync("review");
        await Expect(hr.Locator("#signals")).ToHaveCountAsync(0); // HR sees status, not evidence
        await Screenshot(hr, "02-hr-candidate-status");

        // The first security reviewer finds the candidate in the queue, reads the PAY-04 evidence and rejects.
        var sam = await SignInAsync("sam");
        await sam.GotoAsync("/reviews");
        await Expect(sam.Locator($"#queue tr[data-candidate-id='{id}']")).ToContainTextAsync("PAY-04");
        await Screenshot(sam, "03-security-review-queue");
        await sam.Locator($"#queue tr[data-candidate-id='{id}'] a").First.ClickAsync();
        var signal = sam.Locator("article[data-indicator='PAY-04']");
        await Expect(signal).ToContainTextAsync("Christina Moore");
        await Expect(signal).ToContainTextAsync("Daniel Brooks");
        await sam.ClickAsync("#claim");
        await sam.SelectOptionAsync("#outcome", "reject");
        await sam.FillAsync("#justification", "Pay goes to Christina Moore, a third party; the candidate gave no explanation.");
        await Screenshot(sam, "04-security-candidate-evidence");
        await sam.ClickAsync("#decide");
        await Expect(sam.Locator("#waiting")).ToBeVisibleAsync();
        await Expect(sam.Locator("#status")).ToContainTextAsync("awaiting approval");

        // A second, different reviewer approves; the rejection is then pending (the pre-adverse-action stage, see
        // NoticesPageTests), not final.
        var sky = await SignInAsync("sky");
        await sky.GotoAsync("/reviews");
        await Expect(sky.Locator("#approvals")).ToContainTextAsync("Daniel Brooks");
        await Screenshot(sky, "05-second-reviewer-inbox");
        await sky.GotoAsync($"/candidates/{id}");
        await sky.SelectOptionAsync("#verdict", "approved");
        await sky.FillAsync("#approval-justification", "Checked the payee evidence independently; agree.");
        await sky.ClickAsync("#review-decision");
        await Expect(sky.Locator("#status")).ToContainTextAsync("rejection pending");

        // The auditor sees the decision with its assessment, and the chain verifies.
        var audrey = await SignInAsync("audrey");
        await audrey.GotoAsync("/audit");
        await Expect(audrey.Locator("#chain-status")).ToContainTextAsync("Chain verified");
        var decisions = audrey.Locator("#decisions");
        await Expect(decisions).ToContainTextAsync("Daniel Brooks");
        await Expect(decisions).ToContainTextAsync("Pay goes to Christina Moore");
        await Expect(decisions).ToContainTextAsync("sky");
        await Expect(decisions).ToContainTextAsync("PAY-04");
        await Screenshot(audrey, "06-auditor-decisions");

        Assert.Equal("rejection_pending", await Db.QuerySingleAsync<string>("select status from candidates where id = @id", new { id }));
    }
}
