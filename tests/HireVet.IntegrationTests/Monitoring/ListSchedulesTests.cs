using System.Net;
using HireVet.Application.Common.Security;
using HireVet.Application.Monitoring;
using HireVet.IntegrationTests.Infrastructure;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace HireVet.IntegrationTests.Monitoring;

/// <summary>The jobs page's scheduler view, read from real Quartz on the test database: the recurring triggers with
/// their cron or interval and fire times, one-off batch triggers counted rather than listed, and the cluster's nodes.</summary>
[Collection("db")]
public sealed class ListSchedulesTests(DatabaseFixture db) : IAsyncLifetime
{
    private HireVetFactory? _withJobs;

    public Task InitializeAsync() => db.ResetAsync();

    public async Task DisposeAsync()
    {
        if (_withJobs is not null) await _withJobs.DisposeAsync();
    }

    private async Task<ListSchedules.Response> ListAsync()
    {
        await using var scope = _withJobs!.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ListSchedules.Query());
    }

    [Fact]
    public async Task With_jobs_enabled_lists_every_schedule_with_its_next_fire_and_this_node_checked_in()
    {
        _withJobs = new HireVetFactory(db.ConnectionString, jobsEnabled: true, new Dictionary<string, string?> { ["Jobs:NodeName"] = "schedules-node" });
        _withJobs.CreateClient().Dispose(); // starts the host and its scheduler
        // A retry an hour away is a one-off trigger of a batch job: counted, not listed as a schedule. (Other tests'
        // browser apps share the clustered store and may leave batch triggers of their own behind.)
        var queuedBefore = (await ListAsync()).QueuedBatches;
        await _withJobs.Services.GetRequiredService<IRescreenScheduler>().RetryBatchAsync(999, 1, TimeSpan.FromHours(1), default);

        var view = await ListAsync();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!(view.RunningOnThisNode && view.Nodes.Any(n => n is { IsThisNode: true, LastCheckIn: not null })) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            view = await ListAsync();
        }
        var now = DateTimeOffset.UtcNow;

        Assert.Equal(("running", "schedules-node"), (view.Status, view.ThisNode));
        Assert.Equal(["deliver-webhooks", "fold-dashboard-counts", "rescreen-nightly", "rescreen-weekly", "sweep-pending-vetting", "walk-audit-chain"],
            view.Schedules.Select(s => s.Name).Order());
        Assert.Equal(queuedBefore + 1, view.QueuedBatches);

        var nightly = Assert.Single(view.Schedules, s => s.Name == "rescreen-nightly");
        Assert.Equal(("rescreen", "Nightly incremental re-screening", "rescreen.start-rescreen", "0 0 2 * * ?", "UTC", "normal"),
            (nightly.Group, nightly.Description, nightly.Job, nightly.Cron, nightly.TimeZone, nightly.State));
        Assert.Null(nightly.Interval);
        var today2am = new DateTimeOffset(now.UtcDateTime.Date.AddHours(2), TimeSpan.Zero);
        Assert.Equal(today2am > now ? today2am : today2am.AddDays(1), nightly.NextFireAt);

        var weekly = Assert.Single(view.Schedules, s => s.Name == "rescreen-weekly");
        Assert.Equal(("0 0 3 ? * SUN", "UTC"), (weekly.Cron, weekly.TimeZone));
        Assert.Equal((DayOfWeek.Sunday, TimeSpan.FromHours(3)), (weekly.NextFireAt!.Value.DayOfWeek, weekly.NextFireAt.Value.TimeOfDay));
        Assert.InRange(weekly.NextFireAt.Value - now, TimeSpan.Zero, TimeSpan.FromDays(7));

        var webhooks = Assert.Single(view.Schedules, s => s.Name == "deliver-webhooks");
        Assert.Equal((TimeSpan.FromSeconds(5), (string?)null, (string?)null), (webhooks.Interval, webhooks.Cron, webhooks.TimeZone));
        Assert.NotNull(webhooks.NextFireAt);

        var walk = Assert.Single(view.Schedules, s => s.Name == "walk-audit-chain");
        Assert.Equal(("audit", "0 30 * * * ?", "UTC"), (walk.Group, walk.Cron, walk.TimeZone));
        Assert.InRange(walk.NextFireAt!.Value - now, TimeSpan.Zero, TimeSpan.FromHours(1));
        var fold = Assert.Single(view.Schedules, s => s.Name == "fold-dashboard-counts");
        Assert.Equal(TimeSpan.FromSeconds(60), fold.Interval);

        var node = Assert.Single(view.Nodes, n => n.IsThisNode);
        Assert.Equal(("schedules-node", "alive", TimeSpan.FromSeconds(5)), (node.Name, node.State, node.CheckInInterval));
        Assert.InRange(node.LastCheckIn!.Value, now.AddSeconds(-30), now.AddSeconds(1));

        var scheduler = await _withJobs.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.DeleteJob(new JobKey("rescreen-999-1", "rescreen"));
    }

    [Fact]
    public async Task With_jobs_disabled_says_the_scheduler_is_not_running_here()
    {
        var view = await db.SendAsync(new ListSchedules.Query());

        Assert.Equal("disabled", view.Status);
        Assert.False(view.RunningOnThisNode);
        Assert.Empty(view.Schedules);
        Assert.Empty(view.Nodes);
    }

    [Fact]
    public async Task The_jobs_page_on_a_node_with_jobs_disabled_says_the_scheduler_is_not_running_and_offers_no_start()
    {
        var response = await (await db.ClientAsync(Roles.Admin)).GetAsync("/admin/jobs");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The scheduler is not running on this node", html);
        Assert.DoesNotContain("id=\"start-run\"", html);
        Assert.Contains("id=\"start-unavailable\"", html);
    }
}
