using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using HireVet.Application.Access;
using HireVet.Application.Common.Security;
using HireVet.IntegrationTests.Infrastructure;
using HireVet.IntegrationTests.Notices;
using HireVet.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace HireVet.IntegrationTests.Access;

/// <summary>Failed sign-ins through the real login form: recorded (who, from where, when), answered alike for unknown
/// users, wrong and locked-out passwords; five wrong passwords in a row lock the user out until the lockout ends or an
/// admin unlocks them (both audited); a noisy address is throttled; refused API keys are recorded by prefix only; the
/// list is for admins alone; old attempts are purged, and only by the purge.</summary>
[Collection("db")]
public sealed partial class FailedSignInTests(DatabaseFixture db) : IAsyncLifetime
{
    private const string Password = "a long test password";
    private const string Address = "203.0.113.7";
    private const string Browser = "TestBrowser/1.0 (HireVet tests)";

    private readonly List<SignInApp> _apps = [];

    public Task InitializeAsync() => db.ResetAsync();

    public async Task DisposeAsync()
    {
        foreach (var app in _apps) await app.DisposeAsync();
    }

    private SignInApp App(SignInPolicy? policy = null)
    {
        var app = new SignInApp(db, policy);
        _apps.Add(app);
        return app;
    }

    private async Task<long> CreateUserAsync(string username, string role = Roles.Hr) =>
        await db.SendAsync(new CreateUser.Command { Username = username, Role = role, Password = Password }, "ada", Roles.Admin);

    private Task<SignInAttempt[]> AttemptsAsync() => db.QueryAsync<SignInAttempt>(
        "select at, username, user_id, api_key_prefix, remote_ip, user_agent, outcome from sign_in_attempts order by id");

    private Task<LockState> LockStateAsync(string username) => db.QuerySingleAsync<LockState>(
        "select failed_sign_ins, last_failed_sign_in_at, locked_until from users where username = @username", new { username });

    [Fact]
    public async Task A_wrong_password_is_recorded_with_who_from_where_and_when_and_counted_on_the_user()
    {
        var hana = await CreateUserAsync("hana");
        var app = App();

        var response = await app.SignInAsync(" HaNa ", "not the password");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.StartsWith("Wrong username or password.", response.Error);
        var attempt = Assert.Single(await AttemptsAsync());
        Assert.Equal(("hana", hana, Address, Browser, "wrong_password", (string?)null),
            (attempt.Username, attempt.UserId, attempt.RemoteIp, attempt.UserAgent, attempt.Outcome, attempt.ApiKeyPrefix));
        Assert.Equal(app.Clock.GetUtcNow(), attempt.At);
        var user = Assert.Single(await app.SendAsync(new ListUsers.Query()));
        Assert.Equal((1, (DateTimeOffset?)null), (user.FailedSignIns, user.LockedUntil));

        // A success ends the run and is recorded too; the failure list leaves it out.
        Assert.Equal(HttpStatusCode.Redirect, (await app.SignInAsync("hana", Password)).Status);
        Assert.Equal(0, (await LockStateAsync("hana")).FailedSignIns);
        Assert.Equal(["wrong_password", "succeeded"], (await AttemptsAsync()).Select(a => a.Outcome));
        Assert.Equal(["wrong_password"], (await app.SendAsync(new ListSignInAttempts.Query())).Select(a => a.Outcome));
        Assert.Contains("\"remoteIp\":\"203.0.113.7\"", await db.QuerySingleAsync<string>("select details from audit_records where action = 'RecordSignIn'"));
    }

    [Fact]
    public async Task An_unknown_user_gets_the_answer_of_a_wrong_password_at_the_same_cost_and_is_recorded_without_a_user()
    {
        await CreateUserAsync("hana");
        var app = App();

        var unknown = await app.SignInAsync("nobody", Password);
        var wrong = await app.SignInAsync("hana", "not the password");

        Assert.Equal((HttpStatusCode.OK, wrong.Error), (unknown.Status, unknown.Error));
        var attempt = (await AttemptsAsync())[0];
        Assert.Equal(("nobody", (long?)null, "unknown_user", Address), (attempt.Username, attempt.UserId, attempt.Outcome, attempt.RemoteIp));
        Assert.Equal(0, await db.QuerySingleAsync<int>("select count(*)::int from users where username = 'nobody'"));

        // The unknown name is checked against a dummy hash: it costs a password verification, as a wrong password does
        // (a shortcut would be two orders of magnitude faster; the margin absorbs a busy machine).
        await app.SendAsync(new SignIn.Query("nobody", Password)); // warm-up
        var (unknownMs, wrongMs) = (new List<double>(), new List<double>());
        for (var i = 0; i < 5; i++)
        {
            unknownMs.Add(await TimeAsync(() => app.SendAsync(new SignIn.Query("nobody", Password))));
            wrongMs.Add(await TimeAsync(() => app.SendAsync(new SignIn.Query("hana", "not the password"))));
        }
        Assert.True(Median(unknownMs) > Median(wrongMs) / 4, $"unknown user {Median(unknownMs):0.0} ms, wrong password {Median(wrongMs):0.0} ms");
    }

    [Fact]
    public async Task Five_wrong_passwords_in_a_row_lock_the_user_out_the_right_password_is_refused_alike_and_the_lockout_ends_by_itself()
    {
        var hana = await CreateUserAsync("hana");
        var app = App();
        for (var i = 0; i < 4; i++)
        {
            await app.SignInAsync("hana", $"wrong {i}");
            app.Clock.Advance(TimeSpan.FromMinutes(1));
        }
        Assert.Null((await LockStateAsync("hana")).LockedUntil);

        var fifth = await app.SignInAsync("hana", "wrong 4");
        var lockedAt = app.Clock.GetUtcNow();
        var state = await LockStateAsync("hana");
        Assert.Equal((5, lockedAt + TimeSpan.FromMinutes(15)), (state.FailedSignIns, state.LockedUntil));
        var audit = await db.QuerySingleAsync<(string Actor, string TargetId, string Details)>(
            "select actor, target_id, details from audit_records where action = 'LockOutUser'");
        Assert.Equal(("system", hana.ToString()), (audit.Actor, audit.TargetId));
        using (var details = JsonDocument.Parse(audit.Details))
        {
            Assert.Equal(("hana", 5, Address), (details.RootElement.GetProperty("username").GetString(),
                details.RootElement.GetProperty("failedSignIns").GetInt32(), details.RootElement.GetProperty("remoteIp").GetString()));
        }

        // Locked out: the right password gets the wrong password's answer and no session; so does an unknown user.
        app.Clock.Advance(TimeSpan.FromMinutes(14));
        var right = await app.SignInAsync("hana", Password);
        Assert.Equal((HttpStatusCode.OK, fifth.Error), (right.Status, right.Error));
        Assert.Equal((await app.SignInAsync("nobody", Password)).Error, right.Error);
        Assert.Equal(HttpStatusCode.Redirect, (await right.Client.GetAsync("/candidates")).StatusCode); // to the sign-in page
        Assert.Equal("locked_out", (await AttemptsAsync())[5].Outcome);
        Assert.Equal(lockedAt + TimeSpan.FromMinutes(15), (await LockStateAsync("hana")).LockedUntil); // not extended
        Assert.Equal(1, await db.QuerySingleAsync<int>("select count(*)::int from audit_records where action = 'LockOutUser'"));
        var listed = Assert.Single(await app.SendAsync(new ListUsers.Query()));
        Assert.Equal((5, lockedAt + TimeSpan.FromMinutes(15)), (listed.FailedSignIns, listed.LockedUntil));

        // The lockout's end (computed from the stored time, not waited for): the right password signs in, the run is over.
        app.Clock.Advance(lockedAt + TimeSpan.FromMinutes(15) - app.Clock.GetUtcNow());
        var after = await app.SignInAsync("hana", Password);
        Assert.Equal(HttpStatusCode.Redirect, after.Status);
        Assert.Equal(HttpStatusCode.OK, (await after.Client.GetAsync("/candidates")).StatusCode);
        Assert.Equal((0, (DateTimeOffset?)null), ((await LockStateAsync("hana")).FailedSignIns, (await LockStateAsync("hana")).LockedUntil));
        Assert.Equal(["wrong_password", "wrong_password", "wrong_password", "wrong_password", "wrong_password", "locked_out", "unknown_user", "succeeded"],
            (await AttemptsAsync()).Select(a => a.Outcome));
    }

    [Fact]
    public async Task A_success_or_a_quiet_window_ends_a_run_of_wrong_passwords()
    {
        await CreateUserAsync("hana");
        var app = App();
        for (var i = 0; i < 4; i++) await app.SignInAsync("hana", "wrong");
        await app.SignInAsync("hana", Password);
        for (var i = 0; i < 4; i++) await app.SignInAsync("hana", "wrong");
        app.Clock.Advance(TimeSpan.FromMinutes(15));
        await app.SignInAsync("hana", "wrong");

        Assert.Equal((1, (DateTimeOffset?)null), ((await LockStateAsync("hana")).FailedSignIns, (await LockStateAsync("hana")).LockedUntil));
        Assert.Equal(0, await db.QuerySingleAsync<int>("select count(*)::int from audit_records where action = 'LockOutUser'"));
    }

    [Fact]
    public async Task An_admin_sees_the_lockout_and_the_attempts_and_unlocks_the_user_early_which_is_audited()
    {
        var hana = await CreateUserAsync("hana");
        await CreateUserAsync("ada", Roles.Admin);
        var app = App();
        for (var i = 0; i < 5; i++) await app.SignInAsync("hana", "wrong");

        // The admin's pages, signed in through the form from another address.
        var admin = await app.SignInAsync("ada", Password, "198.51.100.20");
        Assert.Equal(HttpStatusCode.Redirect, admin.Status);
        var users = await admin.Client.GetStringAsync("/admin/users");
        Assert.Matches(new Regex("data-username=\"hana\"[^>]*data-locked=\"true\""), users);
        Assert.Contains("aria-label=\"Unlock hana\"", users);
        Assert.Contains("5 in a row", users);
        var signIns = await admin.Client.GetStringAsync("/admin/sign-ins?user=hana");
        Assert.Equal(5, Regex.Count(signIns, "data-outcome=\"wrong_password\""));
        Assert.Contains(Address, signIns);
        await db.ExecuteAsync("""
            insert into sign_in_attempts (at, username, outcome)
            select now() - make_interval(secs => g), 'flood', 'unknown_user' from generate_series(1, 51) g
            """);
        var firstPage = await admin.Client.GetStringAsync("/admin/sign-ins?user=flood");
        Assert.Equal(50, Regex.Count(firstPage, "data-outcome=\"unknown_user\""));
        Assert.Contains("href=\"/admin/sign-ins?user=flood&amp;p=2\" rel=\"next\"", firstPage);
        Assert.Equal(1, Regex.Count(await admin.Client.GetStringAsync("/admin/sign-ins?user=flood&p=2"), "data-outcome=\"unknown_user\""));

        // The API: the list shows the lockout; unlocking lets hana in at once, twice is a conflict.
        var api = app.Client(await db.ClientAsync(Roles.Admin));
        var listed = JsonDocument.Parse(await api.GetStringAsync("/api/admin/users")).RootElement.EnumerateArray()
            .Single(u => u.GetProperty("username").GetString() == "hana");
        Assert.Equal(5, listed.GetProperty("failedSignIns").GetInt32());
        Assert.Equal(app.Clock.GetUtcNow().AddMinutes(15), listed.GetProperty("lockedUntil").GetDateTimeOffset());
        Assert.Equal(HttpStatusCode.NoContent, (await api.PostAsync($"/api/admin/users/{hana}/unlock", null)).StatusCode);
        var twice = await api.PostAsync($"/api/admin/users/{hana}/unlock", null);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal("application/problem+json", twice.Content.Headers.ContentType!.MediaType);
        Assert.False(JsonDocument.Parse(await api.GetStringAsync("/api/admin/users")).RootElement.EnumerateArray()
            .Single(u => u.GetProperty("username").GetString() == "hana").TryGetProperty("lockedUntil", out _));

        Assert.Equal(HttpStatusCode.Redirect, (await app.SignInAsync("hana", Password)).Status);
        var audit = await db.QuerySingleAsync<(string Actor, string TargetId)>("select actor, target_id from audit_records where action = 'UnlockUser'");
        Assert.Equal(("apikey:test", hana.ToString()), audit);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsync("/api/admin/users/999/unlock", null)).StatusCode);
    }

    [Fact]
    public async Task An_admin_unlocks_from_the_users_page()
    {
        await CreateUserAsync("hana");
        await CreateUserAsync("ada", Roles.Admin);
        var app = App();
        for (var i = 0; i < 5; i++) await app.SignInAsync("hana", "wrong");
        var admin = await app.SignInAsync("ada", Password, "198.51.100.20");
        var page = await admin.Client.GetStringAsync("/admin/users");
        var form = Regex.Match(page, "<form method=\"post\" class=\"inline\" action=\"(/admin/users\\?id=\\d+&amp;p=1&amp;handler=Unlock)\">.*?name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"",
            RegexOptions.Singleline);
        Assert.True(form.Success, "no Unlock form on the users page");

        var unlocked = await admin.Client.PostAsync(WebUtility.HtmlDecode(form.Groups[1].Value), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Name"] = "hana", ["__RequestVerificationToken"] = form.Groups[2].Value,
        }));

        Assert.Equal(HttpStatusCode.Redirect, unlocked.StatusCode);
        Assert.Contains("User hana is unlocked", await admin.Client.GetStringAsync(unlocked.Headers.Location!.ToString()));
        Assert.Null((await LockStateAsync("hana")).LockedUntil);
        Assert.Equal("ada", await db.QuerySingleAsync<string>("select actor from audit_records where action = 'UnlockUser'"));
    }

    [Fact]
    public async Task An_address_with_too_many_failures_is_refused_even_the_right_password_and_is_recorded_once_per_window()
    {
        await CreateUserAsync("hana");
        var app = App(new SignInPolicy { IpFailureLimit = 3 });
        foreach (var name in new[] { "a", "b", "c" }) await app.SignInAsync(name, "guess");

        var refused = await app.SignInAsync("hana", Password);
        await app.SignInAsync("hana", Password);
        var elsewhere = await app.SignInAsync("hana", Password, "198.51.100.20");

        Assert.Equal("Too many failed sign-ins from your network address. Try again in a few minutes.", refused.Error);
        Assert.Equal(HttpStatusCode.Redirect, elsewhere.Status);
        Assert.Equal(["unknown_user", "unknown_user", "unknown_user", "ip_throttled", "succeeded"], (await AttemptsAsync()).Select(a => a.Outcome));
        Assert.Equal(0, (await LockStateAsync("hana")).FailedSignIns); // the throttle checks no password and counts none

        app.Clock.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(HttpStatusCode.Redirect, (await app.SignInAsync("hana", Password)).Status);
    }

    [Fact]
    public async Task Refused_api_keys_are_recorded_by_prefix_never_the_key_once_a_minute_per_address_and_key()
    {
        var created = await db.SendAsync(new CreateApiKey.Command { Name = "greenhouse", Role = Roles.Hr }, "ada", Roles.Admin);
        await db.SendAsync(new RevokeApiKey.Command(created.Id), "ada", Roles.Admin);
        var app = App();
        const string madeUp = "hv_abcdefghijkl_made-up-secret-value";
        const string malformed = "my-other-systems-password";

        foreach (var key in new[] { created.Key, madeUp, madeUp, malformed })
        {
            var client = app.Client();
            client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.Header, key);
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/candidates")).StatusCode);
        }

        var attempts = await AttemptsAsync();
        Assert.Equal([("revoked_api_key", created.Key.Split('_')[1]), ("invalid_api_key", "abcdefghijkl"), ("invalid_api_key", null)],
            attempts.Select(a => (a.Outcome, a.ApiKeyPrefix)));
        Assert.All(attempts, a => Assert.Equal((Address, (string?)null, (long?)null), (a.RemoteIp, a.Username, a.UserId)));
        var dump = string.Join("\n", await db.QueryAsync<string>("select row_to_json(a)::text from sign_in_attempts a"));
        Assert.DoesNotContain(created.Key.Split('_', 3)[2], dump);
        Assert.DoesNotContain("made-up-secret-value", dump);
        Assert.DoesNotContain(malformed, dump);
    }

    [Fact]
    public async Task The_attempts_api_is_for_admins_alone_and_filters_by_outcome_and_user()
    {
        await CreateUserAsync("hana");
        var app = App();
        await app.SignInAsync("hana", "wrong");
        await app.SignInAsync("nobody", "wrong");
        await app.SignInAsync("hana", Password);

        Assert.Equal(HttpStatusCode.Unauthorized, (await (await db.ClientAsync(null)).GetAsync("/api/admin/sign-in-attempts")).StatusCode);
        foreach (var role in new[] { Roles.Hr, Roles.Security, Roles.Auditor, Roles.Integration })
            Assert.Equal(HttpStatusCode.Forbidden, (await (await db.ClientAsync(role)).GetAsync("/api/admin/sign-in-attempts")).StatusCode);

        var admin = await db.ClientAsync(Roles.Admin);
        async Task<string[]> ListAsync(string query) => [.. JsonDocument.Parse(await admin.GetStringAsync("/api/admin/sign-in-attempts" + query))
            .RootElement.EnumerateArray().Select(a => $"{a.GetProperty("outcome").GetString()}:{a.GetProperty("username").GetString()}")];
        Assert.Equal(["unknown_user:nobody", "wrong_password:hana"], await ListAsync(""));
        Assert.Equal(["wrong_password:hana"], await ListAsync("?user=HANA"));
        Assert.Equal(["succeeded:hana"], await ListAsync("?outcome=succeeded&user=hana"));
        Assert.Equal(["unknown_user:nobody"], await ListAsync("?limit=1"));
        Assert.Equal(["wrong_password:hana"], await ListAsync("?limit=1&offset=1"));
        var first = JsonDocument.Parse(await admin.GetStringAsync("/api/admin/sign-in-attempts?limit=1")).RootElement[0];
        Assert.Equal((Address, Browser), (first.GetProperty("remoteIp").GetString(), first.GetProperty("userAgent").GetString()));

        var bad = await admin.GetAsync("/api/admin/sign-in-attempts?outcome=hacked");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType!.MediaType);
        Assert.True(JsonDocument.Parse(await bad.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").TryGetProperty("outcome", out _));
    }

    [Fact]
    public async Task Attempts_older_than_the_retention_are_purged_and_the_application_can_delete_none_otherwise()
    {
        await db.ExecuteAsync("""
            insert into sign_in_attempts (at, username, outcome) values
              (now() - interval '100 days', 'old', 'unknown_user'),
              (now() - interval '40 days', 'middle', 'unknown_user'),
              (now() - interval '1 day', 'recent', 'unknown_user')
            """);

        Assert.Equal(1, await db.SendAsync(new PurgeSignInAttempts.Command())); // 90 days by default
        Assert.Equal(["middle", "recent"], await db.QueryAsync<string>("select username from sign_in_attempts order by id"));

        // The function never deletes an attempt younger than 30 days, whatever it is asked; the role cannot delete.
        await using var connection = new NpgsqlConnection(db.ConnectionString);
        await connection.OpenAsync();
        await using (var purge = new NpgsqlCommand("select purge_sign_in_attempts(now() + interval '1 day')", connection))
            Assert.Equal(1L, await purge.ExecuteScalarAsync());
        Assert.Equal(["recent"], await db.QueryAsync<string>("select username from sign_in_attempts"));
        foreach (var sql in new[] { "delete from sign_in_attempts", "update sign_in_attempts set outcome = 'succeeded'", "truncate sign_in_attempts" })
        {
            await using var cmd = new NpgsqlCommand(sql, connection);
            var refused = await Assert.ThrowsAsync<PostgresException>(() => cmd.ExecuteNonQueryAsync());
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        }
    }

    private static async Task<double> TimeAsync(Func<Task> action)
    {
        var watch = Stopwatch.StartNew();
        await action();
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    public sealed record SignInAttempt
    {
        public DateTimeOffset At { get; init; }
        public string? Username { get; init; }
        public long? UserId { get; init; }
        public string? ApiKeyPrefix { get; init; }
        public string? RemoteIp { get; init; }
        public string? UserAgent { get; init; }
        public string Outcome { get; init; } = "";
    }

    public sealed record LockState
    {
        public int FailedSignIns { get; init; }
        public DateTimeOffset? LastFailedSignInAt { get; init; }
        public DateTimeOffset? LockedUntil { get; init; }
    }
}

/// <summary>The application on the test database with a <see cref="ManualClock"/>, its own sign-in rate limiter and
/// key cache, and the client address a test names (the test server has none): each request's X-Test-Remote-Ip
/// becomes the connection's peer address.</summary>
public sealed class SignInApp : IAsyncDisposable
{
    public const string AddressHeader = "X-Test-Remote-Ip";
    private readonly WebApplicationFactory<Program> _factory;
    /// <summary>Whole seconds, so that times read back from PostgreSQL (microseconds) equal the clock's.</summary>
    public ManualClock Clock { get; } = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

    public SignInApp(DatabaseFixture db, SignInPolicy? policy) =>
        _factory = db.Factory.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            s.AddSingleton<TimeProvider>(Clock);
            s.AddSingleton<IStartupFilter, PeerAddressFromHeader>();
            if (policy is not null) s.AddSingleton(policy);
        }));

    public sealed record Answer(HttpStatusCode Status, string? Error, HttpClient Client);

    /// <summary>Signs in through the form from the given address (a fresh browser each time).</summary>
    public async Task<Answer> SignInAsync(string username, string password, string address = "203.0.113.7")
    {
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.Add(AddressHeader, address);
        client.DefaultRequestHeaders.UserAgent.ParseAdd("TestBrowser/1.0 (HireVet tests)");
        var response = await FormSignIn.PostAsync(client, username, password);
        var error = response.StatusCode == HttpStatusCode.OK
            ? Regex.Match(await response.Content.ReadAsStringAsync(), "id=\"login-error\">([^<]*)<") is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null
            : null;
        return new Answer(response.StatusCode, error, client);
    }

    /// <summary>A client of this app from the default address, with the headers (an API key) of a fixture client.</summary>
    public HttpClient Client(HttpClient? like = null)
    {
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        foreach (var header in like?.DefaultRequestHeaders ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
            client.DefaultRequestHeaders.TryAddWithoutValidation(header.Key, header.Value);
        client.DefaultRequestHeaders.Add(AddressHeader, "203.0.113.7");
        client.DefaultRequestHeaders.UserAgent.ParseAdd("TestBrowser/1.0 (HireVet tests)");
        return client;
    }

    public async Task<T> SendAsync<T>(MediatR.IRequest<T> request, string actor = "tester", string role = Roles.Admin)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Explicit = new Actor(actor, role);
        return await scope.ServiceProvider.GetRequiredService<MediatR.IMediator>().Send(request);
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    private sealed class PeerAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, proceed) =>
            {
                if (context.Request.Headers.TryGetValue(AddressHeader, out var address)) context.Connection.RemoteIpAddress = IPAddress.Parse(address.ToString());
                return proceed(context);
            });
            next(app);
        };
    }
}
