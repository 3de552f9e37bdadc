using HireVet.Application.Access;
using HireVet.Application.Common.Security;
using HireVet.IntegrationTests.Infrastructure;

namespace HireVet.IntegrationTests.Browser;

/// <summary>The set-up every browser test class shares, before each test: the database reset, the class's
/// <see cref="Users"/> created by an admin with <see cref="Password"/>, the class's own data written by
/// <see cref="SeedAsync"/>, then the app and Chromium started (<see cref="BrowserApp.StartAsync"/>) with the class's
/// <see cref="Settings"/> and <see cref="TimedSchedules"/>; both disposed after the test.</summary>
public abstract class BrowserTest(DatabaseFixture db) : IAsyncLifetime
{
    protected const string Password = BrowserApp.Password;

    protected DatabaseFixture Db { get; } = db;

    /// <summary>The app on Kestrel and Chromium, started once the class's data is written.</summary>
    protected BrowserApp App { get; private set; } = null!;

    /// <summary>Who signs in during the class's tests, created in this order.</summary>
    protected abstract IReadOnlyList<User> Users { get; }

    /// <summary>The class's own data, written after the users and before the app starts.</summary>
    protected virtual Task SeedAsync() => Task.CompletedTask;

    /// <summary>Configuration the app starts with (none: the test defaults of <see cref="HireVetFactory"/>).</summary>
    protected virtual IDictionary<string, string?>? Settings => null;

    /// <summary>Whether the schedules that fire at a time of day can come due (see <see cref="BrowserApp.StartAsync"/>).</summary>
    protected virtual bool TimedSchedules => false;

    public async Task InitializeAsync()
    {
        await Db.ResetAsync();
        foreach (var user in Users)
            await Db.SendAsync(new CreateUser.Command { Username = user.Username, DisplayName = user.DisplayName, Role = user.Role, Password = Password },
                "fixture", Roles.Admin);
        await SeedAsync();
        App = await BrowserApp.StartAsync(Db.ConnectionString, Settings, TimedSchedules);
    }

    public Task DisposeAsync() => App.DisposeAsync().AsTask();

    /// <summary>A user of the class's tests: a username, a role and, where a page shows it, a display name.</summary>
    protected sealed record User(string Username, string Role, string? DisplayName = null);
}
