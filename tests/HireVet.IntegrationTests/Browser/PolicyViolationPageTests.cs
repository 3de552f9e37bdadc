using HireVet.Application.Common.Security;
using HireVet.IntegrationTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace HireVet.IntegrationTests.Browser;

/// <summary>The decision form in Chromium offers the policy violation under its own label, and a hired worker found in
/// breach of the remote-work policy ends, after a second reviewer, in status "policy violation", not a rejection.</summary>
[Collection("db")]
public sealed class PolicyViolationPageTests(DatabaseFixture db) : BrowserTest(db)
{
    protected override IReadOnlyList<User> Users => [new("hana", Roles.Hr), new("sam", Roles.Security), new("sky", Roles.Security)];

    [Fact]
    public async Task A_reviewer_records_a_policy_violation_for_a_worker_and_a_second_reviewer_approves_it()
    {
        var id = await HiredWorkers.InReviewAsync(Db);

        var sam = await App.SignInAsync("sam");
        await sam.GotoAsync($"/candidates/{id}");
        await sam.ClickAsync("#claim");
        await Expect(sam.Locator("#outcome option[value='policy_violation']")).ToHaveTextAsync("Policy violation — not suspected fraud");
        await sam.SelectOptionAsync("#outcome", "policy_violation");
        await sam.FillAsync("#justification", "Sign-ins from Germany and through a VPN while she reported working from home in Austin.");
        await sam.ClickAsync("#decide");
        await Expect(sam.Locator("#status")).ToHaveTextAsync("awaiting approval");

        var sky = await App.SignInAsync("sky");
        await sky.GotoAsync($"/candidates/{id}");
        await sky.SelectOptionAsync("#verdict", "approved");
        await sky.FillAsync("#approval-justification", "Checked the sign-ins myself; a policy breach, identity holds.");
        await sky.ClickAsync("#review-decision");
        await Expect(sky.Locator("#status")).ToHaveTextAsync("policy violation");
        await BrowserApp.ScreenshotAsync(sky, "policy-violation-approved");

        Assert.Equal("policy_violation", await Db.QuerySingleAsync<string>("select status from candidates where id = @id", new { id }));
    }
}
