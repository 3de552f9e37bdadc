using System.Text.RegularExpressions;
using HireVet.Application.Common.Security;
using HireVet.Application.Rulesets;
using HireVet.Application.Vetting;
using HireVet.Application.Vetting.Scoring;
using HireVet.IntegrationTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HireVet.IntegrationTests.Browser;

/// <summary>The admin pages for users, sign-in attempts, API keys, rulesets and webhooks in Debian's Chromium, signed in
/// as an admin through the form: what the admin sees and does (a user created and disabled, failed sign-ins read and a
/// locked-out user unlocked, a key's secret shown once and refused
/// once revoked, a ruleset's field errors, its shadow run and activation, a webhook's secret and deliveries), axe on the
/// states the forms reach, and every other role turned away.</summary>
[Collection("db")]
public sealed class AdminPagesTests(DatabaseFixture db) : BrowserTest(db)
{
    protected override IReadOnlyList<User> Users =>
        [new("ada", Roles.Admin), new("hana", Roles.Hr), new("sam", Roles.Security), new("audrey", Roles.Auditor)];

    private async Task<IPage> AdminAsync(string navLink)
    {
        var page = await App.SignInAsync("ada");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = navLink, Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = navLink, Level = 1 })).ToBeVisibleAsync();
        return page;
    }

    private static async Task NoAccessibilityViolationsAsync(IPage page, string state)
    {
        var violations = await AccessibilityTests.ViolationsAsync(page);
        Assert.True(violations.Length == 0, $"{state}:\n{string.Join('\n', violations)}");
    }

    [Fact]
    public async Task Admin_creates_a_user_sees_the_password_rule_lists_and_disables_them_and_the_user_can_no_longer_sign_in()
    {
        var admin = await AdminAsync("Users");
        await Expect(admin.Locator("#users tr[data-username='ada']")).ToContainTextAsync("(you)");
        await Expect(admin.Locator("#users tr[data-username='ada']")).ToContainTextAsync("your account");

        // A password shorter than CreateUser allows: the field says so, and the form keeps what was typed (not the password).
        await admin.GetByLabel("Username").FillAsync("nora");
        await admin.GetByLabel("Display name").FillAsync("Nora Okafor");
        await admin.GetByLabel("Role").SelectOptionAsync("security");
        await admin.GetByLabel("Password").FillAsync("too short");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Create user" }).ClickAsync();
        var password = admin.GetByLabel("Password");
        await Expect(password).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(admin.Locator("#new-password-error")).ToContainTextAsync("at least 12 characters");
        await Expect(password).ToHaveAttributeAsync("aria-describedby", "new-password-hint new-password-error");
        await Expect(password).ToHaveValueAsync("");
        await Expect(admin.GetByLabel("Username")).ToHaveValueAsync("nora");
        await Expect(admin.Locator("#create-errors")).ToHaveAttributeAsync("role", "alert");
        await NoAccessibilityViolationsAsync(admin, "/admin/users with a field error");

        await password.FillAsync(Password); // BrowserApp signs her in with it
        await admin.GetByRole(AriaRole.Button, new() { Name = "Create user" }).ClickAsync();
        await Expect(admin.Locator("#flash")).ToHaveTextAsync("Created user nora (security). They can sign in now.");
        var nora = admin.Locator("#users tr[data-username='nora']");
        await Expect(nora).ToContainTextAsync("Nora Okafor");
        await Expect(nora.Locator("[data-col=role]")).ToHaveTextAsync("security");
        await Expect(nora.Locator("[data-col=last-sign-in]")).ToHaveTextAsync("never");
        await Expect(nora.Locator("[data-col=status]")).ToHaveTextAsync("active");
        await Expect(admin.Locator("#users tbody tr").First).ToHaveAttributeAsync("data-username", "nora"); // newest first

        // Nora signs in (the list then shows it), and is disabled while signed in.
        var noraPage = await App.SignInAsync("nora");
        await admin.ReloadAsync();
        await Expect(nora.Locator("[data-col=last-sign-in] time")).ToBeVisibleAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Disable nora" }).ClickAsync();
        await Expect(admin.Locator("#flash")).ToContainTextAsync("User nora is disabled");
        await Expect(nora).ToHaveAttributeAsync("data-status", "disabled");
        await Expect(nora.Locator("[data-col=status]")).ToContainTextAsync("by ada");
        await Expect(admin.GetByRole(AriaRole.Button, new() { Name = "Enable nora" })).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(admin, "admin-users");

        // Her open session ends at her next request; signing in again is refused with the reason.
        await noraPage.GotoAsync("/reviews");
        await Expect(noraPage).ToHaveURLAsync(new Regex("/account/login"));
        var again = await App.PageAsync();
        await again.GotoAsync("/account/login");
        await again.FillAsync("#username", "nora");
        await again.FillAsync("#password", Password);
        await again.ClickAsync("#sign-in");
        await Expect(again.Locator("#login-error")).ToHaveTextAsync("This account is disabled. Ask an administrator to enable it.");
    }

    [Fact]
    public async Task Admin_reads_the_failed_sign_ins_sees_a_locked_out_user_and_unlocks_them()
    {
        // Someone guesses hana's password five times: she is locked out, and the form says no more than to anyone.
        // The form comes back after each failure, so the guesses cost the sign-in rate limit (20 a minute) one request each.
        var guesser = await App.PageAsync();
        await guesser.GotoAsync("/account/login");
        for (var i = 0; i < 5; i++)
        {
            await guesser.FillAsync("#username", "hana");
            await guesser.FillAsync("#password", $"guess number {i}");
            await guesser.ClickAsync("#sign-in");
            await Expect(guesser.Locator("#login-error")).ToContainTextAsync("Wrong username or password.");
        }

        var admin = await AdminAsync("Sign-in attempts");
        var rows = admin.Locator("#attempts tbody tr");
        await Expect(rows).ToHaveCountAsync(5);
        await Expect(rows.First.Locator("[data-col=who]")).ToHaveTextAsync("hana");
        await Expect(rows.First.Locator("[data-col=outcome]")).ToHaveTextAsync("wrong password");
        await Expect(rows.First.Locator("[data-col=address]")).ToHaveTextAsync("127.0.0.1");
        await NoAccessibilityViolationsAsync(admin, "/admin/sign-ins");
        await admin.GetByLabel("Outcome").SelectOptionAsync("succeeded");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Expect(rows).ToHaveCountAsync(1); // ada's own sign-in
        await Expect(rows.First.Locator("[data-col=who]")).ToHaveTextAsync("ada");

        await admin.GotoAsync("/admin/users");
        var hana = admin.Locator("#users tr[data-username='hana']");
        await Expect(hana).ToHaveAttributeAsync("data-locked", "true");
        await Expect(hana.Locator("[data-col=status]")).ToContainTextAsync("locked out");
        await Expect(hana.Locator("[data-col=failed-sign-ins]")).ToHaveTextAsync("5 in a row");
        await NoAccessibilityViolationsAsync(admin, "/admin/users with a locked-out user");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Unlock hana" }).ClickAsync();
        await Expect(admin.Locator("#flash")).ToHaveTextAsync("User hana is unlocked: they can sign in again now.");
        await Expect(hana).ToHaveAttributeAsync("data-locked", "false");
        await Expect(hana.Locator("[data-col=failed-sign-ins]")).ToHaveTextAsync("0");

        await App.SignInAsync("hana");
    }

    [Fact]
    public async Task Admin_creates_an_api_key_sees_its_secret_once_and_the_api_refuses_it_once_revoked()
    {
        var admin = await AdminAsync("API keys");
        await Expect(admin.Locator("#no-keys")).ToBeVisibleAsync();

        await admin.GetByRole(AriaRole.Button, new() { Name = "Create API key" }).ClickAsync();
        await Expect(admin.Locator("#key-name-error")).ToContainTextAsync("'name' must not be empty.");
        await Expect(admin.Locator("#key-role-error")).ToContainTextAsync("'role'");

        await admin.GetByLabel("Name").FillAsync("greenhouse");
        await admin.GetByLabel("Role").SelectOptionAsync("hr");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Create API key" }).ClickAsync();
        var secret = admin.GetByLabel("The key (role hr)");
        await Expect(secret).ToHaveValueAsync(new Regex("^hv_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$"));
        var key = await secret.InputValueAsync();
        await Expect(admin.Locator("#created")).ToContainTextAsync("shown only on this page, once");
        var row = admin.Locator("#keys tr[data-name='greenhouse']");
        await Expect(row.Locator("[data-col=role]")).ToHaveTextAsync("hr");
        await Expect(row).ToContainTextAsync($"hv_{key.Split('_')[1]}_…");
        await Expect(row.Locator("[data-col=last-used]")).ToHaveTextAsync("never");
        await BrowserApp.ScreenshotAsync(admin, "admin-api-key-created");
        await NoAccessibilityViolationsAsync(admin, "/admin/api-keys with a new key");

        // The key works, and the page never shows it again.
        var api = admin.APIRequest;
        var headers = new Dictionary<string, string> { ["X-Api-Key"] = key, ["Accept"] = "application/json" };
        Assert.Equal(200, (await api.GetAsync("/api/candidates", new() { Headers = headers })).Status);
        await admin.GotoAsync("/admin/api-keys");
        await Expect(admin.Locator("#created")).ToHaveCountAsync(0);
        Assert.DoesNotContain(key, await admin.ContentAsync());
        Assert.DoesNotContain(key.Split('_', 3)[2], await admin.ContentAsync()); // the secret may itself contain '_'
        await Expect(row.Locator("[data-col=last-used] time")).ToBeVisibleAsync();

        await admin.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Revoke key greenhouse") }).ClickAsync();
        await Expect(admin.Locator("#flash")).ToHaveTextAsync("API key greenhouse is revoked: requests with it are refused.");
        await Expect(row).ToHaveAttributeAsync("data-status", "revoked");
        await Expect(row.Locator("[data-col=status]")).ToContainTextAsync("by ada");
        await Expect(row.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        Assert.Equal(401, (await api.GetAsync("/api/candidates", new() { Headers = headers })).Status);
    }

    // PAY-04 alone weighs 75 here instead of 40: a third-party payee goes straight to high.
    private static string Stricter => Ruleset.Embedded.Text
        .Replace($"\"version\": \"{Ruleset.Embedded.Version}\"", "\"version\": \"strict-payee-1\"")
        .Replace("\"PAY-04\": { \"medium\": 10, \"high\": 40 }", "\"PAY-04\": { \"medium\": 10, \"high\": 75 }");

    [Fact]
    public async Task Admin_reads_the_active_ruleset_sees_field_errors_shadow_runs_a_draft_and_activates_it()
    {
        await Db.SendAsync(new SeedRuleset.Command(), "system", Roles.System);
        var payee = (await Db.SendAsync(Dossiers.PayeeMismatch(), "hana", Roles.Hr)).Id;
        var honest = (await Db.SendAsync(Dossiers.Honest(), "hana", Roles.Hr)).Id;
        foreach (var id in new[] { payee, honest }) await Db.SendAsync(new VetCandidates.Command([id]), "system", Roles.System);
        var shipped = Ruleset.Embedded;

        var admin = await AdminAsync("Rulesets");
        await Expect(admin.Locator("#active-version")).ToHaveTextAsync(shipped.Version);
        await Expect(admin.Locator("#active-hash")).ToHaveTextAsync(shipped.Hash);
        await Expect(admin.Locator("#active-by")).ToHaveTextAsync("system");

        // A ruleset weighing an HR-only indicator and with the bands upside down: each error names its field.
        await admin.GetByLabel("Ruleset JSON").FillAsync("""{"version":"bad-1","bands":{"review":70,"high":30},"indicators":{"PAY-04":40,"ID-16":20}}""");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Store as a draft" }).ClickAsync();
        var errors = admin.Locator("#ruleset-errors");
        await Expect(errors).ToHaveAttributeAsync("role", "alert");
        await Expect(errors.Locator("li[data-field='indicators.ID-16']")).ToContainTextAsync("ID-16 is HR-only: it may prompt a human, never feed a score.");
        await Expect(errors.Locator("li[data-field='bands']")).ToContainTextAsync("0 < review < high");
        await Expect(admin.GetByLabel("Ruleset JSON")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(admin.GetByLabel("Ruleset JSON")).ToHaveAttributeAsync("aria-describedby", "ruleset-content-hint ruleset-errors");
        await Expect(admin.GetByLabel("Ruleset JSON")).ToHaveValueAsync(new Regex("bad-1"));
        await NoAccessibilityViolationsAsync(admin, "/admin/rulesets with field errors");
        Assert.Equal(1, await Db.QuerySingleAsync<int>("select count(*)::int from rulesets"));

        // A good draft: stored, and its page shows its weights readably.
        await admin.GetByLabel("Ruleset JSON").FillAsync(Stricter);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Store as a draft" }).ClickAsync();
        await Expect(admin).ToHaveURLAsync(new Regex("/admin/rulesets/strict-payee-1$"));
        await Expect(admin.Locator("#flash")).ToContainTextAsync("Ruleset strict-payee-1 is stored as a draft.");
        await Expect(admin.Locator("#status")).ToHaveTextAsync("draft");
        await Expect(admin.Locator("#review-threshold")).ToHaveTextAsync("30");
        await Expect(admin.Locator("#high-threshold")).ToHaveTextAsync("70");
        var pay04 = admin.Locator("#weights tr[data-indicator='PAY-04']");
        await Expect(pay04.Locator("[data-severity=high]")).ToHaveTextAsync("75");
        await Expect(pay04.Locator("[data-severity=medium]")).ToHaveTextAsync("10");
        await Expect(pay04).ToContainTextAsync("payee-name");
        await Expect(admin.Locator("#weights tr[data-indicator='ID-12'] [data-severity=any]")).ToHaveTextAsync("15");
        await Expect(admin.Locator("#combinations")).ToContainTextAsync("payee and laptop both go elsewhere");

        // The shadow run: the payee candidate would go from review to high; the honest one stays clear.
        await admin.GetByRole(AriaRole.Button, new() { Name = "Run a shadow run" }).ClickAsync();
        await Expect(admin.Locator("#shadow-summary")).ToHaveTextAsync("1 candidate of 2 would change band under strict-payee-1.");
        await Expect(admin.Locator("#transitions tr[data-transition='review-high'] td.num")).ToHaveTextAsync("1");
        await Expect(admin.Locator("#transitions tr[data-transition='clear-clear'] td.num")).ToHaveTextAsync("1");
        var example = admin.Locator($"#shadow-examples tr[data-candidate-id='{payee}']");
        await Expect(example.Locator("[data-col=now]")).ToContainTextAsync("review");
        await Expect(example.Locator("[data-col=shadow]")).ToHaveTextAsync("high 75");
        await Expect(example.GetByRole(AriaRole.Link)).ToHaveCountAsync(0); // admins open no candidate page
        await Expect(admin.Locator("#shadow-examples")).Not.ToContainTextAsync(await Db.QuerySingleAsync<string>("select legal_name from candidates where id = @payee", new { payee }));
        await Expect(admin.Locator($"#shadow-examples tr[data-candidate-id='{honest}']")).ToHaveCountAsync(0);
        await BrowserApp.ScreenshotAsync(admin, "admin-ruleset-shadow");
        await NoAccessibilityViolationsAsync(admin, "a ruleset's page with its shadow run");
        Assert.Equal("review", await Db.QuerySingleAsync<string>("select band from candidates where id = @payee", new { payee })); // nothing written

        // Activation asks first, then retires the shipped version.
        await admin.GetByRole(AriaRole.Link, new() { Name = "Activate this version…" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Activate ruleset strict-payee-1?" })).ToBeVisibleAsync();
        await Expect(admin.Locator("#confirm")).ToContainTextAsync($"{shipped.Version}, active since");
        await NoAccessibilityViolationsAsync(admin, "the activation confirmation");
        Assert.Equal("draft", await Db.QuerySingleAsync<string>("select status from rulesets where version = 'strict-payee-1'"));
        await admin.GetByRole(AriaRole.Button, new() { Name = "Activate strict-payee-1" }).ClickAsync();
        await Expect(admin).ToHaveURLAsync(new Regex("/admin/rulesets$"));
        await Expect(admin.Locator("#flash")).ToHaveTextAsync("Ruleset strict-payee-1 is active: vetting scores with it from now on.");
        await Expect(admin.Locator("#active-version")).ToHaveTextAsync("strict-payee-1");
        await Expect(admin.Locator("#active-by")).ToHaveTextAsync("ada");
        await Expect(admin.Locator($"#versions tr[data-version='{shipped.Version}'] [data-col=status]")).ToHaveTextAsync("retired");
        await Expect(admin.Locator("#versions tr[data-version='strict-payee-1'] [data-col=status]")).ToHaveTextAsync("active");
        await BrowserApp.ScreenshotAsync(admin, "admin-rulesets");
        Assert.Equal(("ada", "strict-payee-1"), await Db.QuerySingleAsync<(string, string)>(
            "select actor, target_id from audit_records where action = 'ActivateRuleset'"));

        // The active version has no activate link; a version that is not stored is a 404 page.
        await admin.GotoAsync("/admin/rulesets/strict-payee-1");
        await Expect(admin.GetByRole(AriaRole.Link, new() { Name = "Activate this version…" })).ToHaveCountAsync(0);
        var missing = await admin.GotoAsync("/admin/rulesets/no-such-version");
        Assert.Equal(404, missing!.Status);
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Ruleset not found" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Admin_creates_a_webhook_sees_its_secret_once_reads_its_deliveries_and_deactivates_it()
    {
        var admin = await AdminAsync("Webhooks");
        await Expect(admin.Locator("#no-webhooks")).ToBeVisibleAsync();

        await admin.GetByRole(AriaRole.Textbox, new() { Name = "URL" }).FillAsync("ftp://soar.example/hooks");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Create webhook" }).ClickAsync();
        await Expect(admin.Locator("#webhook-url-error")).ToHaveTextAsync("'url' must be an absolute http or https URL.");
        await Expect(admin.GetByRole(AriaRole.Textbox, new() { Name = "URL" })).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(admin.Locator("#webhook-events-error")).ToContainTextAsync("'events'");

        await admin.GetByRole(AriaRole.Textbox, new() { Name = "URL" }).FillAsync("https://soar.example/hooks/hirevet");
        await admin.GetByLabel(new Regex("worker.band_raised")).CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Create webhook" }).ClickAsync();
        var secret = admin.GetByLabel("Signing secret");
        await Expect(secret).ToHaveValueAsync(new Regex("^whsec_[0-9a-f]{64}$"));
        var value = await secret.InputValueAsync();
        var id = await Db.QuerySingleAsync<long>("select id from webhook_subscriptions");
        var row = admin.Locator($"#webhooks tr[data-webhook-id='{id}']");
        await Expect(row).ToContainTextAsync("https://soar.example/hooks/hirevet");
        await Expect(row).ToContainTextAsync("worker.band_raised");
        await Expect(row.Locator("[data-col=status]")).ToHaveTextAsync("active");
        await Expect(row.Locator("[data-col=last-delivery]")).ToHaveTextAsync("none yet");

        // Deliveries as the delivery job leaves them: one failed for good, one waiting for its next attempt.
        await Db.ExecuteAsync("""
            insert into webhook_deliveries (subscription_id, event_type, payload, created_at, status, attempts, next_attempt_at, last_status_code, last_error) values
              (@id, 'worker.band_raised', '{}', now() - interval '2 hours', 'failed', 8, now(), 503, 'Service Unavailable'),
              (@id, 'worker.band_raised', '{}', now() - interval '1 minute', 'pending', 1, now() + interval '30 seconds', null, 'connection refused')
            """, new { id });
        await admin.GotoAsync("/admin/webhooks");
        Assert.DoesNotContain(value, await admin.ContentAsync());
        await Expect(row.Locator("[data-col=last-delivery]")).ToContainTextAsync("pending");
        await Expect(row.Locator("[data-col=failures]")).ToHaveTextAsync("1");
        var failed = admin.Locator("#deliveries tr[data-status='failed']");
        await Expect(failed.Locator("[data-col=attempts]")).ToHaveTextAsync("8");
        await Expect(failed.Locator("[data-col=answer]")).ToHaveTextAsync("HTTP 503 Service Unavailable");
        await Expect(admin.Locator("#deliveries tr[data-status='pending'] [data-col=answer]")).ToHaveTextAsync("connection refused");
        await Expect(admin.Locator("#deliveries tbody tr").First).ToHaveAttributeAsync("data-status", "pending"); // newest first
        await BrowserApp.ScreenshotAsync(admin, "admin-webhooks");

        await admin.GetByRole(AriaRole.Button, new() { NameRegex = new Regex($"^Deactivate webhook {id}") }).ClickAsync();
        await Expect(admin.Locator("#flash")).ToContainTextAsync($"Webhook {id} is deactivated");
        await Expect(row.Locator("[data-col=status]")).ToContainTextAsync("inactive");
        await Expect(row.Locator("[data-col=status]")).ToContainTextAsync("by ada");
        await Expect(admin.Locator("#deliveries tr[data-status='cancelled'] [data-col=answer]")).ToHaveTextAsync("The subscription was deactivated.");
        await Expect(admin.Locator("#deliveries tr[data-status='pending']")).ToHaveCountAsync(0);
        await NoAccessibilityViolationsAsync(admin, "/admin/webhooks with deliveries");
    }

    [Fact]
    public async Task Every_other_role_is_refused_the_admin_pages_and_has_no_links_to_them()
    {
        await Db.SendAsync(new SeedRuleset.Command(), "system", Roles.System);
        foreach (var user in new[] { "hana", "sam", "audrey" })
            await RefusedAsync(await App.SignInAsync(user));
    }

    private static async Task RefusedAsync(IPage page)
    {
        foreach (var link in new[] { "Users", "Sign-in attempts", "API keys", "Rulesets", "Webhooks" })
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = link, Exact = true })).ToHaveCountAsync(0);
        foreach (var path in new[] { "/admin/users", "/admin/sign-ins", "/admin/api-keys", "/admin/rulesets", $"/admin/rulesets/{Ruleset.Embedded.Version}",
                     $"/admin/rulesets/{Ruleset.Embedded.Version}/activate", "/admin/webhooks" })
        {
            await page.GotoAsync(path);
            await Expect(page).ToHaveURLAsync(new Regex("/account/access-denied"));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Access denied" })).ToBeVisibleAsync();
        }
        await Expect(page.Locator("#users, #keys, #versions, #webhooks")).ToHaveCountAsync(0);
    }
}
