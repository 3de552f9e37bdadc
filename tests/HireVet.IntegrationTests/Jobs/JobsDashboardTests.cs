using System.Net;
using HireVet.Application.Common.Security;
using HireVet.IntegrationTests.Infrastructure;

namespace HireVet.IntegrationTests.Jobs;

/// <summary>Hangfire's dashboard at /admin/hangfire: admins and auditors read it under HireVet's content security
/// policy, without the storage's connection string; nobody can change anything through it (mutations go through the
/// jobs page's audited commands); everyone else is refused.</summary>
[Collection("db")]
public sealed class JobsDashboardTests(DatabaseFixture db) : IAsyncLifetime
{
    private HireVetFactory? _withJobs;

    public Task InitializeAsync() => db.ResetAsync();

    public async Task DisposeAsync()
    {
        if (_withJobs is not null) await _withJobs.DisposeAsync();
    }

    [Theory]
    [InlineData(Roles.Admin)]
    [InlineData(Roles.Auditor)]
    public async Task Admins_and_auditors_read_the_dashboard_under_the_content_security_policy_without_the_connection_string(string role)
    {
        var client = await db.ClientAsync(role);
        foreach (var page in new[] { "/admin/hangfire/", "/admin/hangfire/recurring", "/admin/hangfire/servers", "/admin/hangfire/jobs/enqueued" })
        {
            var response = await client.GetAsync(page);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("HireVet jobs", html);
            Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
            Assert.DoesNotContain("<script>", html);
            Assert.DoesNotContain("Host=", html);
            Assert.DoesNotContain("hangfire_test", html);
        }
    }

    [Theory]
    [InlineData(Roles.Hr)]
    [InlineData(Roles.Security)]
    [InlineData(Roles.Integration)]
    public async Task Other_roles_are_refused(string role)
    {
        var client = await db.ClientAsync(role);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/admin/hangfire/")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/admin/hangfire/recurring")).StatusCode);
    }

    [Fact]
    public async Task The_dashboard_is_read_only_even_for_admins_so_triggering_a_job_there_does_nothing()
    {
        // Re-screenings that never come due (February 31st): the only way one could start is the dashboard's button.
        _withJobs = new HireVetFactory(db.ConnectionString, jobsEnabled: true, new Dictionary<string, string?>
        {
            ["Jobs:NodeName"] = "dashboard-node", ["Jobs:RescreenCron"] = "0 0 31 2 *", ["Jobs:FullRescreenCron"] = "0 0 31 2 *",
        });
        _withJobs.CreateClient().Dispose();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await db.QuerySingleAsync<int>("select count(*)::int from hangfire.set where key = 'recurring-jobs'") < 9 && DateTime.UtcNow < deadline)
            await Task.Delay(200);

        var client = await db.ClientAsync(Roles.Admin);
        var page = await (await client.GetAsync("/admin/hangfire/recurring")).Content.ReadAsStringAsync();
        Assert.Contains("rescreen-nightly", page);
        Assert.DoesNotContain("js-jobs-list-command", page); // no "Trigger now" or "Delete" buttons
        var response = await client.PostAsync("/admin/hangfire/recurring/trigger", new FormUrlEncodedContent([new("jobs[]", "rescreen-nightly")]));

        Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, $"answered {(int)response.StatusCode}");
        Assert.Equal(0, await db.QuerySingleAsync<int>(
            "select count(*)::int from hangfire.job where invocationdata->>'Type' like 'HireVet.Infrastructure.Jobs.StartRescreenJob,%'"));
        _ = _withJobs.Services; // the host stays up until the assertions ran
    }
}
