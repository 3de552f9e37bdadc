using System.Text.RegularExpressions;
using HireVet.Application.Candidates;
using HireVet.Application.Common.Security;
using HireVet.Application.Reviews;
using HireVet.Application.Vetting;
using HireVet.IntegrationTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HireVet.IntegrationTests.Browser;

/// <summary>The review queue as a security reviewer works it in Debian's Chromium: filters by band and by indicator
/// (submitted with Enter), a sort, claiming and releasing from the rows back to the same filtered view, a claim held
/// by another reviewer, the four-eyes inbox with the reason each decision needs a second reviewer, a bad filter named
/// on the page; HR and auditors are refused.</summary>
[Collection("db")]
public sealed class ReviewQueueTests(DatabaseFixture db) : BrowserTest(db)
{
    private readonly Dictionary<string, long> _ids = [];

    /// <summary>An honest dossier under another name (on the ID document, the payroll account and the laptop's label too).</summary>
    private static SubmitCandidate.Command Named(string name)
    {
        var d = Dossiers.Honest();
        return d with
        {
            LegalName = name,
            IdentityDocument = d.IdentityDocument! with { NameOnDocument = name },
            PayrollDestination = d.PayrollDestination! with { AccountHolderName = name },
            EquipmentShipping = d.EquipmentShipping! with { RecipientName = name },
        };
    }

    private static SubmitCandidate.Command ThirdPartyPayee(string name)
    {
        var d = Named(name);
        return d with { PayrollDestination = d.PayrollDestination! with { AccountHolderName = "Christina Moore" } };
    }

    /// <summary>Paid to a third party and the laptop shipped to her elsewhere: PAY-04 with SHIP-01, band high. Each
    /// to an address of its own: a shared one would link the candidates (LINK-06) and change their scores.</summary>
    private static SubmitCandidate.Command LaptopToThirdParty(string name) => ThirdPartyPayee(name) with
    {
        EquipmentShipping = new() { RecipientName = "Christina Moore", Address = Dossiers.AddressOfItsOwn("Elm Court") },
    };

    private async Task<long> Vetted(SubmitCandidate.Command dossier)
    {
        var id = (await Db.SendAsync(dossier, "hana", Roles.Hr)).Id;
        await Db.SendAsync(new VetCandidates.Command([id]), "system", Roles.System);
        _ids[dossier.LegalName!] = id;
        return id;
    }

    private Task<DecideCandidate.Response> Decide(long id, string reviewer, string outcome, string justification) =>
        Db.SendAsync(new ClaimCandidate.Command(id), reviewer)
            .ContinueWith(_ => Db.SendAsync(new DecideCandidate.Command { CandidateId = id, Outcome = outcome, Justification = justification }, reviewer))
            .Unwrap();

    protected override IReadOnlyList<User> Users =>
    [
        new("hana", Roles.Hr, "Hana Kim"), new("sam", Roles.Security, "Sam Lee"), new("sky", Roles.Security, "Sky Patel"),
        new("audrey", Roles.Auditor, "Audrey Roux"),
    ];

    protected override async Task SeedAsync()
    {
        await Vetted(ThirdPartyPayee("Daniel Brooks"));          // PAY-04: band review
        await Vetted(LaptopToThirdParty("Grace Liu"));            // PAY-04 + SHIP-01: band high
        var omar = await Vetted(LaptopToThirdParty("Omar Haddad"));
        await Db.SendAsync(new ClaimCandidate.Command(omar), "sky");
        await Vetted(Named("Emily Carter"));                      // honest: cleared by vetting, never in the queue
        await Decide(await Vetted(ThirdPartyPayee("Ana Souza")), "sam", "reject", "Pay goes to Christina Moore; no explanation given.");
        await Decide(await Vetted(ThirdPartyPayee("Lena Fischer")), "sky", "reject", "The payroll account is held by a third party.");
        await Decide(await Vetted(LaptopToThirdParty("Mei Tanaka")), "sky", "clear", "Christina Moore is her spouse; the lease shows the address.");
    }

    private static ILocator Rows(IPage page) => page.Locator("#queue tbody tr");

    private static async Task<string[]> NamesAsync(IPage page) =>
        [.. (await page.Locator("#queue tbody tr .candidate-link").AllTextContentsAsync()).Select(n => n.Trim())];

    [Fact]
    public async Task A_reviewer_filters_sorts_claims_and_releases_from_the_queue_and_reads_the_four_eyes_inbox()
    {
        var sam = await App.SignInAsync("sam");
        await sam.GotoAsync("/reviews");
        await Expect(sam.Locator("#queue-heading")).ToContainTextAsync("(3)");
        Assert.Equal(["Grace Liu", "Omar Haddad", "Daniel Brooks"], await NamesAsync(sam)); // score, highest first (ties by arrival)
        await Expect(sam.Locator($"#candidate-{_ids["Omar Haddad"]} .claim")).ToHaveTextAsync("Claimed by Sky Patel (sky)");
        await Expect(sam.Locator($"#candidate-{_ids["Omar Haddad"]} button")).ToHaveCountAsync(0); // another reviewer's claim is not taken here
        await Expect(sam.Locator($"#candidate-{_ids["Grace Liu"]} td").First.Locator("a")).ToHaveAttributeAsync("href", $"/candidates/{_ids["Grace Liu"]}");

        // The four-eyes inbox: others' decisions with why each needs a second reviewer, and Sam's own waiting.
        var approvals = sam.Locator("#approvals");
        await Expect(approvals.Locator($"tr[data-decision-id]")).ToHaveCountAsync(2);
        var lena = approvals.Locator("tr", new() { HasText = "Lena Fischer" });
        await Expect(lena).ToContainTextAsync("reject");
        await Expect(lena).ToContainTextAsync("sky");
        await Expect(lena).ToContainTextAsync("Rejecting a candidate needs a second reviewer.");
        await Expect(lena).ToContainTextAsync("The payroll account is held by a third party.");
        await Expect(lena.Locator("a")).ToHaveAttributeAsync("href", $"/candidates/{_ids["Lena Fischer"]}");
        await Expect(approvals.Locator("tr", new() { HasText = "Mei Tanaka" })).ToContainTextAsync("Clearing a candidate in band high needs a second reviewer.");
        var mine = sam.Locator("#mine-awaiting");
        await Expect(mine.Locator("tr", new() { HasText = "Ana Souza" })).ToContainTextAsync("Rejecting a candidate needs a second reviewer.");
        await Expect(mine).Not.ToContainTextAsync("Lena Fischer");
        await Expect(sam.Locator("#shortcuts")).ToBeVisibleAsync(); // the script runs under the content security policy
        await BrowserApp.ScreenshotAsync(sam, "review-queue");

        // "/" moves to the filters; the band is chosen from the keyboard and Enter in a field submits the form.
        await sam.Locator("body").ClickAsync(new() { Position = new() { X = 5, Y = 5 } });
        await sam.Keyboard.PressAsync("/");
        await Expect(sam.Locator("#band")).ToBeFocusedAsync();
        await sam.SelectOptionAsync("#band", "high");
        await sam.Keyboard.PressAsync("Tab");
        await Expect(sam.Locator("#indicator")).ToBeFocusedAsync();
        await sam.Keyboard.PressAsync("Enter");
        // The address is polled rather than awaited as a navigation: the filter form's script rewrites it, and waiting for
        // that navigation's load event once hung for 30 s in a clean-clone run.
        await Expect(sam).ToHaveURLAsync(new Regex(@"/reviews\?band=high$")); // the form's empty fields are dropped from the address
        await sam.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        Assert.Equal(["Grace Liu", "Omar Haddad"], await NamesAsync(sam));

        // By indicator (typed in lower case): candidates whose latest assessment raised SHIP-01.
        await sam.FillAsync("#indicator", "ship-01");
        await sam.PressAsync("#indicator", "Enter");
        await Expect(sam).ToHaveURLAsync(new Regex(@"/reviews\?band=high&indicator=SHIP-01$"));
        await sam.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        await Expect(Rows(sam)).ToHaveCountAsync(2);
        await Expect(sam.Locator("#queue-range")).ToContainTextAsync("of 2 matching candidates");
        await Expect(sam.Locator("#queue .tag-match").First).ToHaveTextAsync("SHIP-01");
        await BrowserApp.ScreenshotAsync(sam, "review-queue-filtered");

        // PAY-04 in either band, by name.
        await sam.SelectOptionAsync("#band", "");
        await sam.FillAsync("#indicator", "PAY-04");
        await sam.SelectOptionAsync("#sort", "name");
        await sam.ClickAsync("#apply-filters");
        await Expect(sam).ToHaveURLAsync(new Regex(@"/reviews\?indicator=PAY-04&sort=name$"));
        await sam.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        Assert.Equal(["Daniel Brooks", "Grace Liu", "Omar Haddad"], await NamesAsync(sam));

        // Claim from the row: back on the same filtered view, at the row, which now says so.
        var daniel = sam.Locator($"#candidate-{_ids["Daniel Brooks"]}");
        await daniel.GetByRole(AriaRole.Button, new() { Name = "Claim Daniel Brooks" }).ClickAsync();
        await Expect(sam).ToHaveURLAsync(new Regex($@"/reviews\?indicator=PAY-04&sort=name#candidate-{_ids["Daniel Brooks"]}$"));
        await sam.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        await Expect(sam.Locator("#flash")).ToHaveTextAsync("You claimed Daniel Brooks.");
        await Expect(daniel.Locator(".claim")).ToContainTextAsync("Claimed by you");
        Assert.Equal("sam", await Db.QuerySingleAsync<string>("select claimed_by from candidates where id = @id", new { id = _ids["Daniel Brooks"] }));

        // Only Sam's claims; then released from there, and the view says it no longer holds the candidate.
        await sam.SelectOptionAsync("#assignee", "me");
        await sam.ClickAsync("#apply-filters");
        await Expect(sam).ToHaveURLAsync(new Regex(@"/reviews\?indicator=PAY-04&assignee=me&sort=name$"));
        await sam.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        Assert.Equal(["Daniel Brooks"], await NamesAsync(sam));
        await daniel.GetByRole(AriaRole.Button, new() { Name = "Unclaim Daniel Brooks" }).ClickAsync();
        await Expect(sam).ToHaveURLAsync(new Regex(@"/reviews\?indicator=PAY-04&assignee=me&sort=name#candidate-\d+$"));
        await sam.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        await Expect(sam.Locator("#flash")).ToContainTextAsync("You released candidate");
        await Expect(sam.Locator("#queue-empty")).ToHaveTextAsync("No candidate in the queue matches these filters.");
        Assert.Null(await Db.QuerySingleAsync<string?>("select claimed_by from candidates where id = @id", new { id = _ids["Daniel Brooks"] }));

        // Sky's claims, chosen by name.
        await sam.SelectOptionAsync("#assignee", "reviewer:sky");
        await sam.ClickAsync("#apply-filters");
        await Expect(sam).ToHaveURLAsync(new Regex(@"assignee=reviewer%3Asky"));
        await sam.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        Assert.Equal(["Omar Haddad"], await NamesAsync(sam));

        // A bad value in the address is named on the page, not ignored.
        var bad = await sam.GotoAsync("/reviews?band=clear&waiting=soon");
        Assert.Equal(400, bad!.Status);
        var errors = sam.Locator("#filter-errors");
        await Expect(errors).ToContainTextAsync("'band' must be review or high.");
        await Expect(errors).ToContainTextAsync("'waiting' must be a whole number of days");
        await Expect(sam.Locator("#queue")).ToHaveCountAsync(0);
        await Expect(sam.Locator("#band")).ToHaveAttributeAsync("aria-invalid", "true");
    }

    [Theory]
    [InlineData("hana")]
    [InlineData("audrey")]
    public async Task HR_and_auditors_are_refused_the_review_queue(string user)
    {
        var page = await App.SignInAsync(user);
        await page.GotoAsync("/reviews?band=high");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Access denied");
        Assert.Contains("/account/access-denied", page.Url);
        await Expect(page.Locator("#queue")).ToHaveCountAsync(0);
    }
}
