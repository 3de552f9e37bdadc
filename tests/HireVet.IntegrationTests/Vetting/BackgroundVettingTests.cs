using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hangfire;
using HireVet.Application.Access;
using HireVet.Application.Candidates;
using HireVet.Application.Common.Security;
using HireVet.Application.Vetting;
using HireVet.Infrastructure.Jobs;
using HireVet.IntegrationTests.Infrastructure;
using HireVet.Web.Security;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace HireVet.IntegrationTests.Vetting;

/// <summary>Real Hangfire on its PostgreSQL storage: vetting runs in the background after commit, requests are coalesced,
/// and the sweep recovers a candidate whose vetting request was lost.</summary>
[Collection("db")]
public sealed class BackgroundVettingTests(DatabaseFixture db) : IAsyncLifetime
{
    private HireVetFactory? _withJobs;

    public Task InitializeAsync() => db.ResetAsync();

    public async Task DisposeAsync()
    {
        if (_withJobs is not null) await _withJobs.DisposeAsync();
    }

    private HireVetFactory StartWithJobs() => _withJobs = new HireVetFactory(db.ConnectionString, jobsEnabled: true, new Dictionary<string, string?>
    {
        ["Jobs:SweepCron"] = "0/1 * * * * ?",
        ["Jobs:SchedulePollingSeconds"] = "1",
        ["Jobs:StalePendingSeconds"] = "1",
    });

    private async Task<string> WaitForVettingAsync(long id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var status = await db.QuerySingleAsync<string>("select vetting_status from candidates where id = @id", new { id });
            if (status == "completed") return await db.QuerySingleAsync<string>("select status from candidates where id = @id", new { id });
            await Task.Delay(200);
        }
        throw new TimeoutException($"Candidate {id} was not vetted within 60 s.");
    }

    [Fact]
    public async Task A_submitted_candidate_is_vetted_by_a_background_job_after_commit()
    {
        var key = (await db.SendAsync(new CreateApiKey.Command { Name = "ats", Role = Roles.Hr }, "fixture", Roles.Admin)).Key;
        var client = StartWithJobs().CreateClient();
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.Header, key);

        var response = await client.PostAsJsonAsync("/api/candidates", Dossiers.PayeeMismatch());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        Assert.Equal("review", await WaitForVettingAsync(id));
        // One audit record per vetted batch, naming each candidate's assessment.
        Assert.Equal("VetPendingCandidates", await db.QuerySingleAsync<string>(
            "select action from audit_records where actor = 'system' and details::jsonb -> 'assessments' ? @id", new { id = id.ToString() }));
        // The request was a job on the vetting queue of the storage every node shares, and it succeeded (the sweep, every
        // second here, may have asked once more on a slow machine).
        Assert.InRange(await db.QuerySingleAsync<int>("""
            select count(*)::int from hangfire.job
            where invocationdata->>'Type' like 'HireVet.Infrastructure.Jobs.VetPendingJob,%' and invocationdata->>'Queue' = 'vetting' and statename = 'Succeeded'
            """), 1, int.MaxValue);
    }

    [Fact]
    public async Task A_burst_of_submissions_is_all_vetted_once()
    {
        var key = (await db.SendAsync(new CreateApiKey.Command { Name = "ats", Role = Roles.Hr }, "fixture", Roles.Admin)).Key;
        var client = StartWithJobs().CreateClient();
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.Header, key);

        var ids = new List<long>();
        foreach (var dossier in Enumerable.Range(0, 30).Select(_ => Dossiers.Honest()))
            ids.Add((await (await client.PostAsJsonAsync("/api/candidates", dossier)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64());

        foreach (var id in ids) Assert.Equal("clear", await WaitForVettingAsync(id));
        Assert.Equal(30, await db.QuerySingleAsync<int>("select count(*)::int from assessments"));
    }

    [Fact]
    public async Task A_vetting_job_takes_batches_while_it_finds_full_ones_then_stops_without_an_empty_one()
    {
        // An import stores its candidates pending and asks for no job (it vets them itself; here nothing does).
        var count = VetPendingCandidates.BatchSize + 3;
        await db.SendAsync(new ImportCandidates.Command([.. Enumerable.Range(0, count).Select(i => Dossiers.Honest($"job-batch-{i}"))]),
            "hana", Roles.Hr);
        Assert.Equal(count, await db.QuerySingleAsync<int>("select count(*)::int from candidates where vetting_status = 'pending'"));

        await using (var scope = db.Factory.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentActor>().Explicit = new Actor("system", Roles.System);
            await new VetPendingJob(scope.ServiceProvider.GetRequiredService<IMediator>()).RunAsync(default);
        }

        Assert.Equal(0, await db.QuerySingleAsync<int>("select count(*)::int from candidates where vetting_status = 'pending'"));
        // A full batch, then the three left, and no third query finding none (with its own transaction and audit record).
        var batches = await db.QueryAsync<int>("""
            select (select count(*) from jsonb_object_keys(details::jsonb -> 'assessments'))::int
            from audit_records where action = 'VetPendingCandidates' order by id
            """);
        Assert.Equal([VetPendingCandidates.BatchSize, 3], batches);
    }

    [Fact]
    public async Task Requests_within_the_window_are_coalesced_into_one_job_enqueued_at_its_end()
    {
        // The scheduler on a clock that stands still: every request falls inside the first window, however slow the
        // machine. Nothing runs the jobs here (the fixture's app has no job servers), so they stay to be counted.
        var clock = new Notices.ManualClock(DateTimeOffset.UtcNow);
        var scheduler = new HangfireVettingScheduler(db.Factory.Services.GetRequiredService<IBackgroundJobClient>(), clock,
            NullLogger<HangfireVettingScheduler>.Instance);
        Task<int> JobsAsync() => db.QuerySingleAsync<int>(
            "select count(*)::int from hangfire.job where invocationdata->>'Type' like 'HireVet.Infrastructure.Jobs.VetPendingJob,%'");

        for (var i = 0; i < 30; i++) await scheduler.RequestAsync(default);
        Assert.Equal(1, await JobsAsync()); // the first at once; the other 29 are left to one enqueue at the window's end

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await JobsAsync() < 2 && DateTime.UtcNow < deadline) await Task.Delay(50);
        Assert.Equal(2, await JobsAsync());

        // Once a window has passed since the last enqueue, a request enqueues at once.
        clock.Advance(HangfireVettingScheduler.Window);
        await scheduler.RequestAsync(default);
        Assert.Equal(3, await JobsAsync());
    }

    [Fact]
    public async Task A_candidate_whose_scheduling_was_lost_is_vetted_by_the_sweep()
    {
        // The fixture's host has jobs disabled: the candidate is committed as pending and nothing is scheduled, as if
        // the process had died right after the commit.
        var submitted = await db.SendAsync(Dossiers.Honest(), "hana", Roles.Hr);
        Assert.Equal("pending", await db.QuerySingleAsync<string>("select vetting_status from candidates where id = @Id", new { submitted.Id }));

        _ = StartWithJobs().Services; // starts the host, and with it the job servers and the sweep

        Assert.Equal("clear", await WaitForVettingAsync(submitted.Id));
    }
}
