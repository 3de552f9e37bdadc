using System.Net;
using HireVet.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HireVet.IntegrationTests.Browser;

/// <summary>What every browser test stands on: the app on real Kestrel (a free port) with the real scheduler, and
/// Debian's Chromium through Playwright; pages signed in through the login form, screenshots to test-results/browser.</summary>
public sealed class BrowserApp : IAsyncDisposable
{
    public const string Password = "a long test password";
    public static readonly string Screenshots = Path.Combine(PrivatePostgres.RepositoryRoot(), "test-results", "browser");

    private readonly HireVetFactory _app;
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly string _baseUrl;

    private BrowserApp(HireVetFactory app, IPlaywright playwright, IBrowser browser, string baseUrl) =>
        (_app, _playwright, _browser, _baseUrl) = (app, playwright, browser, baseUrl);

    /// <summary>The app with its jobs on. The schedules that fire at a time of day never come due unless
    /// <paramref name="timedSchedules"/> (see <see cref="HireVetFactory"/>): only tests of the schedules need them.</summary>
    public static async Task<BrowserApp> StartAsync(string connectionString, IDictionary<string, string?>? settings = null, bool timedSchedules = false)
    {
        var app = new HireVetFactory(connectionString, jobsEnabled: true, settings, timedSchedules);
        app.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        app.StartServer();
        var baseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        IPlaywright? playwright = null;
        try
        {
            playwright = await Playwright.CreateAsync();
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = "/usr/bin/chromium",
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync"],
            });
            Directory.CreateDirectory(Screenshots);
            return new BrowserApp(app, playwright, browser, baseUrl);
        }
        catch
        {
            // xUnit does not dispose a test whose start failed: the app's job servers would go on working in the
            // database of the tests after it.
            playwright?.Dispose();
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>A page in a browser context of its own (its own cookies), not signed in.</summary>
    public async Task<IPage> PageAsync()
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = _baseUrl });
        return await context.NewPageAsync();
    }

    /// <summary>A page signed in as the user, through the login form, with <see cref="Password"/>.</summary>
    public async Task<IPage> SignInAsync(string user)
    {
        var page = await PageAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("#username", user);
        await page.FillAsync("#password", Password);
        await page.ClickAsync("#sign-in");
        await Expect(page.Locator("#user-name")).ToHaveTextAsync(user);
        return page;
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, $"{name}.png"), FullPage = true });

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _app.DisposeAsync();
    }
}
