using System.Net;
using HireVet.Application.Access;
using HireVet.Application.Common.Security;
using HireVet.IntegrationTests.Infrastructure;

namespace HireVet.IntegrationTests.Http;

[Collection("db")]
public sealed class SignInTests(DatabaseFixture db) : IAsyncLifetime
{
    public Task InitializeAsync() => db.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_user_signs_in_with_the_right_password_only_and_guessing_is_throttled()
    {
        await db.SendAsync(new CreateUser.Command { Username = "hana", Role = Roles.Hr, Password = "a long test password" }, "fixture", Roles.Admin);
        using var factory = new HireVetFactory(db.ConnectionString, jobsEnabled: false); // its own rate limiter
        var client = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });

        var wrong = await FormSignIn.PostAsync(client, "hana", "not the password");
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("Wrong username or password.", await wrong.Content.ReadAsStringAsync());

        var right = await FormSignIn.PostAsync(client, "hana", "a long test password");
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/candidates")).StatusCode);

        // 4 requests so far (two GET + POST pairs); the window allows 20 a minute.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 17; i++) statuses.Add((await client.GetAsync("/account/login")).StatusCode);
        Assert.All(statuses.Take(16), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[16]);
    }

}
