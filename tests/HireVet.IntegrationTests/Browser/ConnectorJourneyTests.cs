using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using HireVet.Application.Candidates;
using HireVet.Application.Common.Security;
using HireVet.Application.Vetting;
using HireVet.IntegrationTests.Connectors;
using HireVet.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HireVet.IntegrationTests.Browser;

/// <summary>A Greenhouse connector from the admin's form to the reviewer's queue, in Debian's Chromium: the admin adds it
/// on /admin/connectors (a field error first), copies the webhook secret and delivery URL shown once; Greenhouse (a
/// loopback stub of the Harvest API) delivers a signed new_candidate_application; the scheduler fetches and vets the
/// applicant, whose phone is an earlier candidate's (LINK-02), so a security reviewer finds them in the review queue;
/// the note goes back with On-Behalf-Of; and the admin reads the connector's health and log.</summary>
[Collection("db")]
public sealed class ConnectorJourneyTests(DatabaseFixture db) : BrowserTest(db)
{
    private const long GreenhouseCandidateId = 53883394;
    private SubmitCandidate.Command _earlier = null!;

    protected override IReadOnlyList<User> Users => [new("ada", Roles.Admin), new("hana", Roles.Hr), new("sam", Roles.Security)];

    // Fetches and notes are picked up within a second, not the default five.
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Jobs:WebhookPollSeconds"] = "1", ["Jobs:QueuePollMs"] = "200",
    };

    protected override async Task SeedAsync()
    {
        _earlier = Dossiers.Honest();
        var id = (await Db.SendAsync(_earlier, "hana", Roles.Hr)).Id;
        await Db.SendAsync(new VetCandidates.Command([id]), "system", Roles.System);
    }

    /// <summary>The applicant as Harvest's GET /v1/candidates/{id} returns them, with the earlier candidate's phone.</summary>
    private string Applicant() => JsonSerializer.Serialize(new
    {
        id = GreenhouseCandidateId, first_name = "Jordan", last_name = "Lee", company = "Globex", title = "Senior Engineer",
        email_addresses = new[] { new { value = "jordan.lee@example.net", type = "personal" } },
        phone_numbers = new[] { new { value = _earlier.Phone, type = "mobile" } },
        addresses = new[] { new { value = "500 Howard St, San Francisco, CA 94105, United States", type = "home" } },
        employments = Array.Empty<object>(), educations = Array.Empty<object>(),
        website_addresses = Array.Empty<object>(), social_media_addresses = Array.Empty<object>(),
        applications = new[] { new { id = 69306314, candidate_id = GreenhouseCandidateId, status = "active", applied_at = "2026-11-30T18:00:00.000Z",
            jobs = new[] { new { id = 1, name = "Backend Engineer" } } } },
    });

    private static async Task NoAccessibilityViolationsAsync(IPage page, string state)
    {
        var violations = await AccessibilityTests.ViolationsAsync(page);
        Assert.True(violations.Length == 0, $"{state}:\n{string.Join('\n', violations)}");
    }

    [Fact]
    public async Task An_admin_connects_Greenhouse_its_webhook_lands_the_applicant_in_review_and_the_note_goes_back()
    {
        await using var greenhouse = await LoopbackStub.StartAsync(app =>
        {
            app.MapGet("/v1/candidates/{id:long}", (long id, HttpRequest request) =>
                request.Headers.Authorization.ToString() != "Basic " + Convert.ToBase64String(Encoding.ASCII.GetBytes("harvest-key:")) ? Results.Unauthorized()
                : id == GreenhouseCandidateId ? Results.Text(Applicant(), "application/json")
                : Results.NotFound());
            app.MapPost("/v1/candidates/{id:long}/activity_feed/notes", (long id) => Results.Created($"/v1/notes/{id}", new { id = 1 }));
        });

        // The admin chooses the kind, then fills its form; notes on without the user they are written as is refused, by field.
        var admin = await App.SignInAsync("ada");
        await admin.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Connectors", Exact = true }).ClickAsync();
        await Expect(admin.Locator("#no-connectors")).ToBeVisibleAsync();
        await admin.GetByLabel("Kind").SelectOptionAsync("greenhouse");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Choose" }).ClickAsync();
        await admin.GetByLabel("Name").FillAsync("Greenhouse");
        await admin.GetByLabel("baseUrl").FillAsync(greenhouse.BaseUrl.ToString().TrimEnd('/'));
        await admin.GetByLabel("notes").FillAsync("on");
        await admin.GetByLabel("apiKey").FillAsync("harvest-key");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Add connector" }).ClickAsync();
        await Expect(admin.Locator("#add-errors")).ToHaveAttributeAsync("role", "alert");
        var onBehalfOf = admin.GetByLabel("onBehalfOf");
        await Expect(onBehalfOf).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(onBehalfOf).ToHaveAttributeAsync("aria-describedby", "settings-onBehalfOf-hint settings-onBehalfOf-error");
        await Expect(admin.Locator("#settings-onBehalfOf-error")).ToContainTextAsync("Required when notes are on");
        await Expect(admin.GetByLabel("Name")).ToHaveValueAsync("Greenhouse");
        await Expect(admin.GetByLabel("apiKey")).ToHaveValueAsync(""); // a secret is never sent back
        await NoAccessibilityViolationsAsync(admin, "/admin/connectors with a field error");

        await onBehalfOf.FillAsync("4080");
        await admin.GetByLabel("apiKey").FillAsync("harvest-key");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Add connector" }).ClickAsync();
        await Expect(admin.Locator("#added")).ToContainTextAsync("added: Greenhouse");
        var deliveryUrl = (await admin.Locator("#delivery-url").TextContentAsync())!;
        var secret = await admin.GetByLabel("webhookSecret").InputValueAsync();
        Assert.StartsWith("hv_", secret);
        var connector = long.Parse(await admin.Locator("#connectors tbody tr").First.GetAttributeAsync("data-connector-id") ?? "", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal($"/api/connectors/{connector}/webhook", new Uri(deliveryUrl).AbsolutePath);
        await Expect(admin.Locator($"#connectors tr[data-connector-id='{connector}']")).ToHaveAttributeAsync("data-health", "idle");
        await NoAccessibilityViolationsAsync(admin, "/admin/connectors with the secret shown once");
        await BrowserApp.ScreenshotAsync(admin, "connectors-added");
        await admin.GotoAsync("/admin/connectors"); // not a reload: that would post the form again
        Assert.DoesNotContain(secret, await admin.ContentAsync());

        // Greenhouse delivers to the URL, signed with the secret key pasted into its web hook.
        var body = JsonSerializer.Serialize(new
        {
            action = "new_candidate_application",
            payload = new { application = new { id = 69306314, candidate = new { id = GreenhouseCandidateId, first_name = "Jordan" } } },
        });
        using var vendor = new HttpClient();
        using var delivery = new HttpRequestMessage(HttpMethod.Post, deliveryUrl) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        delivery.Headers.TryAddWithoutValidation("Signature", "sha256 " + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body))));
        Assert.Equal(HttpStatusCode.OK, (await vendor.SendAsync(delivery)).StatusCode);

        // The applicant is fetched and vetted, then the note is written back into their activity feed.
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (!greenhouse.Requests.Any(r => r.Method == "POST"))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("No note reached Greenhouse within 90 s.");
            await Task.Delay(250);
        }
        var note = Assert.Single(greenhouse.Requests, r => r.Method == "POST");
        Assert.Equal($"/v1/candidates/{GreenhouseCandidateId}/activity_feed/notes", note.PathAndQuery);
        Assert.Equal("4080", note.Headers["On-Behalf-Of"]);
        Assert.Contains("HireVet vetting completed: band review", JsonDocument.Parse(note.Body).RootElement.GetProperty("body").GetString());

        // A security reviewer finds the applicant in the queue, flagged for the phone another candidate gave.
        var id = await Db.QuerySingleAsync<long>("select id from candidates where external_id = @ExternalId", new { ExternalId = $"greenhouse:{GreenhouseCandidateId}" });
        var sam = await App.SignInAsync("sam");
        await sam.GotoAsync("/reviews");
        var queued = sam.Locator($"#queue tr[data-candidate-id='{id}']");
        await Expect(queued).ToContainTextAsync("Jordan Lee");
        await Expect(queued).ToContainTextAsync("LINK-02");
        await BrowserApp.ScreenshotAsync(sam, "connectors-applicant-in-review");

        // The admin sees the connector healthy, and its log: the delivery, the sync and the note.
        await admin.ReloadAsync();
        var row = admin.Locator($"#connectors tr[data-connector-id='{connector}']");
        await Expect(row).ToHaveAttributeAsync("data-health", "ok");
        await Expect(row.Locator("[data-col=health]")).ToHaveTextAsync("ok");
        await Expect(row.Locator("[data-col=accepted]")).ToHaveTextAsync("1");
        await row.GetByRole(AriaRole.Link, new() { Name = "Greenhouse" }).ClickAsync();
        var log = admin.Locator("#connector-log");
        await Expect(log.Locator("tr[data-activity='delivery'][data-outcome='accepted']")).ToContainTextAsync("new_candidate_application");
        await Expect(log.Locator("tr[data-activity='sync'][data-outcome='accepted']")).ToContainTextAsync($"candidate {id}");
        await Expect(log.Locator("tr[data-activity='note'][data-outcome='accepted']")).ToContainTextAsync(GreenhouseCandidateId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await NoAccessibilityViolationsAsync(admin, "/admin/connectors with a connector's log");
        await BrowserApp.ScreenshotAsync(admin, "connectors-log");
    }
}
