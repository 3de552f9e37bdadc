using HireVet.Application.Common.Security;
using HireVet.Application.Reviews;
using HireVet.Application.Vetting;
using HireVet.IntegrationTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HireVet.IntegrationTests.Browser;

/// <summary>The pre-adverse-action stage in Debian's Chromium: a security reviewer previews the letter for an approved
/// rejection and records it as sent, sees the waiting period, prints the letter as sent, and once the period is over
/// makes the rejection final; HR sees only that a notice was sent and its state; an auditor reads the letter and can
/// change nothing; after the final rejection the reviewer sends the adverse action notice, once, and HR sees its state.
/// The app runs with a waiting period of 0 days (Notices:AdverseActionWaitingDays), which still lasts
/// until the deadline's minute: the deadline is rounded up to the minute the letter states.</summary>
[Collection("db")]
public sealed class NoticesPageTests(DatabaseFixture db) : BrowserTest(db)
{
    private long _candidate;

    protected override IReadOnlyList<User> Users =>
        [new("hana", Roles.Hr), new("sam", Roles.Security), new("sky", Roles.Security), new("audrey", Roles.Auditor)];

    protected override async Task SeedAsync()
    {
        _candidate = (await Db.SendAsync(Dossiers.PayeeMismatch() with { LegalName = "Daniel Brooks" }, "hana", Roles.Hr)).Id;
        await Db.SendAsync(new VetCandidates.Command([_candidate]), "system", Roles.System);
        await Db.SendAsync(new ClaimCandidate.Command(_candidate), "sam");
        var decision = await Db.SendAsync(new DecideCandidate.Command
        {
            CandidateId = _candidate, Outcome = "reject", Justification = "Pay goes to Christina Moore, a third party; no explanation given.",
        }, "sam");
        await Db.SendAsync(new ReviewDecision.Command { DecisionId = decision.DecisionId, Verdict = "approved", Justification = "Checked the payee evidence myself." }, "sky");
    }

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Notices:AdverseActionWaitingDays"] = "0" };

    [Fact]
    public async Task A_reviewer_sends_the_pre_adverse_letter_waits_out_the_period_and_makes_the_rejection_final_while_HR_sees_only_its_state()
    {
        // The reviewer finds the pending rejection on the candidate page and opens its letters.
        var sam = await App.SignInAsync("sam");
        await sam.GotoAsync($"/candidates/{_candidate}");
        await Expect(sam.Locator("#status")).ToContainTextAsync("rejection pending");
        await Expect(sam.Locator("#candidate-notices")).ToContainTextAsync("Pre-adverse action notice: not sent yet.");
        await sam.ClickAsync("#notices-link");
        await Expect(sam.Locator("h1")).ToHaveTextAsync("Letters to Daniel Brooks");
        await Expect(sam.Locator("#finalise-when")).ToContainTextAsync("only after the pre-adverse-action notice has been recorded as sent");
        await Expect(sam.Locator("#finalise")).ToHaveCountAsync(0);

        // The preview: what was inconsistent and how to correct it, not final, no evidence values.
        var preview = sam.Locator("#preview");
        await Expect(preview).ToContainTextAsync("Dear Daniel Brooks,");
        await Expect(preview).ToContainTextAsync("This decision is not final.");
        await Expect(preview).ToContainTextAsync("The holder of the bank account you gave for your pay is not you.");
        await Expect(preview).ToContainTextAsync("a different payroll account in your own name");
        await Expect(preview).Not.ToContainTextAsync("Christina Moore");
        await Expect(preview).Not.ToContainTextAsync("PAY-04");
        await BrowserApp.ScreenshotAsync(sam, "notice-preview");

        await sam.SelectOptionAsync("#channel", "post");
        await sam.ClickAsync("#send-notice");
        await Expect(sam.Locator("#flash")).ToHaveTextAsync("The letter was recorded as sent.");
        await Expect(sam.Locator("#sent-at")).ToContainTextAsync("(Post)");
        var respondBy = new DateTimeOffset(await Db.QuerySingleAsync<DateTime>("select respond_by from candidate_notices where candidate_id = @id", new { id = _candidate })).ToUniversalTime();
        if (DateTimeOffset.UtcNow < respondBy.AddSeconds(-2))
        {
            // Within the waiting period (here: until the deadline's minute) the rejection cannot be made final.
            await Expect(sam.Locator("#notice-state")).ToHaveTextAsync("Waiting period running");
            await Expect(sam.Locator("#waiting-until")).ToContainTextAsync(HireVet.Web.Pages.Display.Time(respondBy));
            await Expect(sam.Locator("#finalise-when")).ToContainTextAsync($"A reviewer can make it final from {HireVet.Web.Pages.Display.Time(respondBy)}");
            await Expect(sam.Locator("#finalise")).ToHaveCountAsync(0);
        }

        // The letter as sent, stored and printable.
        await sam.Locator("#notices a", new() { HasText = "Letter as sent" }).ClickAsync();
        var letter = sam.Locator("#letter");
        await Expect(letter).ToContainTextAsync("Pre-adverse action notice: your application for the role of Backend engineer");
        await Expect(letter).ToContainTextAsync("Please respond by");
        await Expect(sam.Locator("#letter-channel")).ToHaveTextAsync("Post");
        await Expect(sam.Locator("#print")).ToBeVisibleAsync(); // the script enhances the page
        await BrowserApp.ScreenshotAsync(sam, "notice-letter");
        await sam.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await Expect(sam.Locator(".site-header")).ToBeHiddenAsync();
        await Expect(sam.Locator(".no-print").First).ToBeHiddenAsync();
        await Expect(letter).ToBeVisibleAsync();
        await sam.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Screen });
        var letterUrl = sam.Url;

        // The list of open notices and waiting periods.
        await sam.GotoAsync("/notices");
        var row = sam.Locator($"#notice-list tr[data-candidate-id='{_candidate}']");
        await Expect(row).ToContainTextAsync("Daniel Brooks");
        await Expect(row).ToContainTextAsync("Pre-adverse action notice");
        await Expect(row).ToContainTextAsync("sam");
        await BrowserApp.ScreenshotAsync(sam, "notices");

        // HR: the notice was sent and its state; no letter, no evidence, not who sent it.
        var hana = await App.SignInAsync("hana");
        await hana.GotoAsync($"/candidates/{_candidate}");
        await Expect(hana.Locator("#candidate-notices")).ToContainTextAsync("Pre-adverse action notice sent");
        await hana.GotoAsync($"/candidates/{_candidate}/notices");
        await Expect(hana.Locator("#notices tr[data-notice-id]")).ToHaveCountAsync(1);
        await Expect(hana.Locator("#notices")).ToContainTextAsync("Post");
        await Expect(hana.Locator("#preview")).ToHaveCountAsync(0);
        await Expect(hana.Locator("main")).Not.ToContainTextAsync("holder of the bank account");
        await Expect(hana.Locator("main")).Not.ToContainTextAsync("sam");
        await Expect(hana.Locator("#send-notice, #record-response, #finalise")).ToHaveCountAsync(0);
        await hana.GotoAsync("/notices");
        await Expect(hana.Locator($"#notice-list tr[data-candidate-id='{_candidate}']")).ToContainTextAsync("Pre-adverse action notice");
        await Expect(hana.Locator("#notice-list")).Not.ToContainTextAsync("sam");
        await hana.GotoAsync(letterUrl);
        await Expect(hana.Locator("h1")).ToHaveTextAsync("Access denied");

        // The auditor reads the letter and has nothing to change.
        var audrey = await App.SignInAsync("audrey");
        await audrey.GotoAsync(letterUrl);
        await Expect(audrey.Locator("#letter")).ToContainTextAsync("This decision is not final.");
        await audrey.GotoAsync($"/candidates/{_candidate}/notices");
        await Expect(audrey.Locator("#notices")).ToContainTextAsync("sam");
        await Expect(audrey.Locator("#send-notice, #record-response, #finalise")).ToHaveCountAsync(0);

        // After the waiting period the reviewer makes the rejection final, in writing.
        var wait = respondBy - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1);
        if (wait > TimeSpan.Zero) await Task.Delay(wait);
        await sam.GotoAsync($"/candidates/{_candidate}/notices");
        await Expect(sam.Locator("#notice-state")).ToHaveTextAsync("Ready to finalise");
        await sam.FillAsync("#final-justification", "No response within the waiting period; the payee is a third party.");
        await sam.ClickAsync("#finalise");
        await Expect(sam.Locator("#flash")).ToHaveTextAsync("The rejection is final.");
        await Expect(sam.Locator("#candidate-status")).ToHaveTextAsync("rejected");
        await Expect(sam.Locator("#finalised")).ToContainTextAsync("by sam");
        await Expect(sam.Locator("#notices")).ToContainTextAsync("Rejection final");
        Assert.Equal("rejected", await Db.QuerySingleAsync<string>("select status from candidates where id = @id", new { id = _candidate }));

        // The final rejection is owed the second letter, the adverse action notice: on the page and in the list.
        await Expect(sam.Locator("#owed")).ToHaveTextAsync("Adverse action notice");
        await Expect(sam.Locator("#final-letter-when")).ToContainTextAsync("The candidate is owed the adverse action notice");
        var finalPreview = sam.Locator("#preview");
        await Expect(finalPreview).ToContainTextAsync("Adverse action notice: your application for the role of Backend engineer");
        await Expect(finalPreview).ToContainTextAsync("we made that decision final: we will not continue with your application.");
        await Expect(finalPreview).ToContainTextAsync("The holder of the bank account you gave for your pay is not you.");
        await Expect(finalPreview).ToContainTextAsync("No consumer report from a consumer reporting agency was used in this decision");
        await Expect(finalPreview).Not.ToContainTextAsync("Christina Moore");
        await Expect(finalPreview).Not.ToContainTextAsync("No response within the waiting period"); // the justification stays inside
        await sam.GotoAsync("/notices?filter=final");
        var owedRow = sam.Locator($"#notice-list tr[data-candidate-id='{_candidate}']");
        await Expect(owedRow).ToContainTextAsync("Adverse action notice");
        await Expect(owedRow).ToContainTextAsync("Letter to send");
        await owedRow.Locator("a").ClickAsync();

        // Recorded as sent, once: then shown as sent, with no deadline (no agency report), nothing more to send or answer.
        await sam.SelectOptionAsync("#channel", "email");
        await sam.ClickAsync("#send-notice");
        await Expect(sam.Locator("#flash")).ToHaveTextAsync("The letter was recorded as sent.");
        await Expect(sam.Locator("#owed")).ToHaveTextAsync("none");
        await Expect(sam.Locator("#notice-state")).ToHaveTextAsync("Final letter sent");
        await Expect(sam.Locator("#sent-at")).ToContainTextAsync("(E-mail)");
        await Expect(sam.Locator("#final-letter-when")).ToContainTextAsync("no further letter is owed for this decision");
        await Expect(sam.Locator("#waiting-until, #preview, #send-notice, #record-response, #finalise")).ToHaveCountAsync(0);
        await Expect(sam.Locator("#notices tr[data-notice-id]")).ToHaveCountAsync(2);
        await Expect(sam.Locator("#notices tr[data-notice-id]").First).ToContainTextAsync("Adverse action notice");
        await Expect(sam.Locator("#notices tr[data-notice-id]").First).ToContainTextAsync("none");
        await BrowserApp.ScreenshotAsync(sam, "notice-final-letter");
        await sam.Locator("#notices tr[data-notice-id]").First.Locator("a", new() { HasText = "Letter as sent" }).ClickAsync();
        await Expect(sam.Locator("h1")).ToHaveTextAsync("Adverse action notice as sent");
        await Expect(sam.Locator("#letter")).ToContainTextAsync("You may still dispute with us the accuracy or completeness of the information");
        await Expect(sam.Locator("#letter-deadline")).ToContainTextAsync("none");
        Assert.Equal(1, await Db.QuerySingleAsync<int>("select count(*)::int from candidate_notices where candidate_id = @id and kind = 'adverse_action'", new { id = _candidate }));
        await sam.GotoAsync("/notices?filter=final");
        await Expect(sam.Locator("#no-notices")).ToBeVisibleAsync();

        // HR sees that the final letter went and its state, not the letter.
        await hana.GotoAsync($"/candidates/{_candidate}");
        await Expect(hana.Locator("#candidate-notices")).ToContainTextAsync("Adverse action notice sent");
        await Expect(hana.Locator("#candidate-notices")).ToContainTextAsync("The rejection is final.");
        await hana.GotoAsync($"/candidates/{_candidate}/notices");
        await Expect(hana.Locator("#notice-state")).ToHaveTextAsync("Final letter sent");
        await Expect(hana.Locator("#notices tr[data-notice-id]")).ToHaveCountAsync(2);
        await Expect(hana.Locator("main")).Not.ToContainTextAsync("we made that decision final");
        await Expect(hana.Locator("main")).Not.ToContainTextAsync("sam");
        await Expect(hana.Locator("#send-notice, #record-response, #finalise")).ToHaveCountAsync(0);
    }
}
