using System.Net;
using HireVet.Application.Common.Security;
using HireVet.IntegrationTests.Infrastructure;

namespace HireVet.IntegrationTests.Http;

/// <summary>Browsers get HTML error pages, API callers get problem details, anonymous callers learn nothing.</summary>
[Collection("db")]
public sealed class ErrorPageTests(DatabaseFixture db) : IAsyncLifetime
{
    public Task InitializeAsync() => db.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_unknown_page_is_an_html_404_for_a_signed_in_user()
    {
        var client = await db.ClientAsync(Roles.Security);
        var response = await client.GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unknown_api_path_is_a_404_problem_and_anonymous_callers_are_sent_to_sign_in()
    {
        var client = await db.ClientAsync(Roles.Security);
        var api = await client.GetAsync("/api/no-such-thing");
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType!.MediaType);

        var anonymous = await db.ClientAsync(null);
        var page = await anonymous.GetAsync("/no-such-page");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/login", page.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/no-such-thing")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_candidate_page_is_a_404()
    {
        var client = await db.ClientAsync(Roles.Auditor);
        var response = await client.GetAsync("/candidates/424242");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
    }
}
