using System.Net;
using HireVet.Application.Access;
using HireVet.Application.Common.Errors;
using HireVet.Application.Common.Security;
using HireVet.IntegrationTests.Infrastructure;
using HireVet.Web.Security;

namespace HireVet.IntegrationTests.Access;

/// <summary>Disabling users (sign-in refused, open sessions ended at the next request, never one's own account),
/// recording sign-ins, listing users and keys, and revoking a key (the API refuses it at once on this node).</summary>
[Collection("db")]
public sealed class UserAndKeyAdministrationTests(DatabaseFixture db) : IAsyncLifetime
{
    private const string Password = "a long test password";

    public Task InitializeAsync() => db.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<long> CreateUserAsync(string username, string role) =>
        await db.SendAsync(new CreateUser.Command { Username = username, Role = role, Password = Password }, "ada", Roles.Admin);

    [Fact]
    public async Task A_disabled_user_cannot_sign_in_and_their_open_session_ends_at_the_next_request_even_after_being_enabled_again()
    {
        var hana = await CreateUserAsync("hana", Roles.Hr);
        using var factory = new HireVetFactory(db.ConnectionString, jobsEnabled: false); // its own sign-in rate limiter
        var session = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });

        Assert.Equal(HttpStatusCode.Redirect, (await FormSignIn.PostAsync(session, "hana", Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/candidates")).StatusCode);
        Assert.True(await db.QuerySingleAsync<bool>("select last_sign_in_at > now() - interval '1 minute' from users where username = 'hana'"));
        Assert.Equal(("RecordSignIn", "hana"), await db.QuerySingleAsync<(string, string)>(
            "select action, actor from audit_records where action = 'RecordSignIn'"));

        await db.SendAsync(new DisableUser.Command(hana), "ada", Roles.Admin);

        // The open session: the next page request goes to the sign-in page, the next API request is 401.
        var page = await session.GetAsync("/candidates");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/login", page.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.GetAsync("/api/candidates")).StatusCode);

        // A new sign-in with the right password is refused, and says why; the wrong password says nothing more.
        var fresh = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var refused = await FormSignIn.PostAsync(fresh, "hana", Password);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("This account is disabled.", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await fresh.GetAsync("/candidates")).StatusCode);
        Assert.Contains("Wrong username or password.", await (await FormSignIn.PostAsync(fresh, "hana", "not the password")).Content.ReadAsStringAsync());
        Assert.Equal(SignInOutcome.Disabled, (await db.SendAsync(new SignIn.Query("hana", Password))).Outcome);

        // Enabled again: a new sign-in works; a cookie from before the disabling does not come back to life.
        await db.SendAsync(new EnableUser.Command(hana), "ada", Roles.Admin);
        var stale = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Equal(HttpStatusCode.Redirect, (await FormSignIn.PostAsync(stale, "hana", Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await stale.GetAsync("/candidates")).StatusCode);
        await db.SendAsync(new DisableUser.Command(hana), "ada", Roles.Admin);
        await db.SendAsync(new EnableUser.Command(hana), "ada", Roles.Admin);
        Assert.Equal(HttpStatusCode.Redirect, (await stale.GetAsync("/candidates")).StatusCode);
        var again = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Equal(HttpStatusCode.Redirect, (await FormSignIn.PostAsync(again, "hana", Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/candidates")).StatusCode);

        var actions = await db.QueryAsync<(string Action, string Actor, string TargetId)>(
            "select action, actor, target_id from audit_records where action in ('DisableUser', 'EnableUser') order by id");
        Assert.Equal(["DisableUser", "EnableUser", "DisableUser", "EnableUser"], actions.Select(a => a.Action));
        Assert.All(actions, a => Assert.Equal(("ada", hana.ToString()), (a.Actor, a.TargetId)));
    }

    [Fact]
    public async Task An_admin_cannot_disable_their_own_account_nor_disable_twice_nor_enable_an_enabled_user()
    {
        var ada = await CreateUserAsync("ada", Roles.Admin);
        var sam = await CreateUserAsync("sam", Roles.Security);

        var own = await Assert.ThrowsAsync<ForbiddenException>(() => db.SendAsync(new DisableUser.Command(ada), "ada", Roles.Admin));
        Assert.Equal("You cannot disable your own account.", own.Message);
        await Assert.ThrowsAsync<ConflictException>(() => db.SendAsync(new EnableUser.Command(sam), "ada", Roles.Admin));
        await db.SendAsync(new DisableUser.Command(sam), "ada", Roles.Admin);
        await Assert.ThrowsAsync<ConflictException>(() => db.SendAsync(new DisableUser.Command(sam), "ada", Roles.Admin));
        await Assert.ThrowsAsync<NotFoundException>(() => db.SendAsync(new DisableUser.Command(999), "ada", Roles.Admin));
        Assert.True(await db.QuerySingleAsync<bool>("select disabled_at is null from users where id = @ada", new { ada }));
        Assert.Equal("ada", await db.QuerySingleAsync<string>("select disabled_by from users where id = @sam", new { sam }));
    }

    [Fact]
    public async Task Users_are_listed_newest_first_in_pages_with_last_sign_in_and_disabled_state()
    {
        for (var i = 1; i <= 5; i++) await CreateUserAsync($"user{i}", i % 2 == 0 ? Roles.Hr : Roles.Auditor);
        await db.SendAsync(new RecordSignIn.Command("user2"), "user2", Roles.Hr);
        var user3 = await db.QuerySingleAsync<long>("select id from users where username = 'user3'");
        await db.SendAsync(new DisableUser.Command(user3), "ada", Roles.Admin);

        var first = await db.SendAsync(new ListUsers.Query(Limit: 2));
        var second = await db.SendAsync(new ListUsers.Query(Limit: 2, Offset: 2));
        var third = await db.SendAsync(new ListUsers.Query(Limit: 2, Offset: 4));
        Assert.Equal(["user5", "user4"], first.Select(u => u.Username));
        Assert.Equal(["user3", "user2"], second.Select(u => u.Username));
        Assert.Equal(["user1"], third.Select(u => u.Username));
        Assert.Equal(("ada", Roles.Auditor), (second[0].DisabledBy, second[0].Role));
        Assert.NotNull(second[0].DisabledAt);
        Assert.NotNull(second[1].LastSignInAt);
        Assert.Null(first[0].LastSignInAt);
        await Assert.ThrowsAsync<FluentValidation.ValidationException>(() => db.SendAsync(new ListUsers.Query(Limit: 500)));
    }

    [Fact]
    public async Task A_revoked_key_is_refused_by_the_api_at_once_and_the_list_shows_its_last_use_and_who_revoked_it()
    {
        var created = await db.SendAsync(new CreateApiKey.Command { Name = "greenhouse", Role = Roles.Hr }, "ada", Roles.Admin);
        var client = db.Factory.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.Header, created.Key);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/candidates")).StatusCode); // looked up, remembered 30 s
        var listed = Assert.Single(await db.SendAsync(new ListApiKeys.Query()));
        Assert.Equal(("greenhouse", Roles.Hr, "ada"), (listed.Name, listed.Role, listed.CreatedBy));
        Assert.Equal(created.Key.Split('_')[1], listed.KeyPrefix);
        Assert.NotNull(listed.LastUsedAt);
        Assert.Null(listed.RevokedAt);

        await db.SendAsync(new RevokeApiKey.Command(created.Id), "ada", Roles.Admin);

        Assert.Null(await db.SendAsync(new AuthenticateApiKey.Query(created.Key)));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/candidates")).StatusCode); // not served from memory
        var revoked = Assert.Single(await db.SendAsync(new ListApiKeys.Query()));
        Assert.Equal("ada", revoked.RevokedBy);
        Assert.NotNull(revoked.RevokedAt);
        await Assert.ThrowsAsync<ConflictException>(() => db.SendAsync(new RevokeApiKey.Command(created.Id), "ada", Roles.Admin));
        var audit = await db.QuerySingleAsync<(string Actor, string TargetId, string Details)>(
            "select actor, target_id, details from audit_records where action = 'RevokeApiKey'");
        Assert.Equal(("ada", created.Id.ToString()), (audit.Actor, audit.TargetId));
        Assert.Contains("greenhouse", audit.Details);
        Assert.DoesNotContain(created.Key, audit.Details);
    }

    [Fact]
    public async Task The_admin_api_lists_users_and_keys_revokes_and_disables_with_problems_naming_the_reason()
    {
        var sam = await CreateUserAsync("sam", Roles.Security);
        var admin = await db.ClientAsync(Roles.Admin);
        var users = await admin.GetStringAsync("/api/admin/users?limit=10");
        Assert.Contains("\"username\":\"sam\"", users);
        Assert.DoesNotContain("password", users, StringComparison.OrdinalIgnoreCase);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/admin/users/{sam}/disable", null)).StatusCode);
        var twice = await admin.PostAsync($"/api/admin/users/{sam}/disable", null);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal("application/problem+json", twice.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/admin/users/{sam}/enable", null)).StatusCode);

        var keys = await admin.GetStringAsync("/api/admin/api-keys");
        Assert.Contains("\"role\":\"admin\"", keys); // the client's own key
        Assert.DoesNotContain("keyHash", keys, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync("/api/admin/api-keys/999/revoke", null)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/admin/users?limit=0")).StatusCode);
    }

}
