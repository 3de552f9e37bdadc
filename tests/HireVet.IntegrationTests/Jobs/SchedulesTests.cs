using System.Net;
using HireVet.Application.Common.Security;
using HireVet.Application.Jobs;
using HireVet.Application.Rescreening;
using HireVet.IntegrationTests.Infrastructure;
using HireVet.Web.Security;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace HireVet.IntegrationTests.Jobs;

/// <summary>The jobs page's view of the job engine, read from real Hangfire on the test database: the recurring jobs with
/// their cron, next run and queue, the queues' depths (a scheduled batch retry counted, not listed), every node's
/// servers with their heartbeat, and "run now" as an audited command.</summary>
[Collection("db")]
public sealed class SchedulesTests(DatabaseFixture db) : IAsyncLifetime
{
    private HireVetFactory? _withJobs;

    public Task InitializeAsync() => db.ResetAsync();

    public async Task DisposeAsync()
    {
        if (_withJobs is not null) await _withJobs.DisposeAsync();
    }

    private async Task<T> SendAsync<T>(IRequest<T> request)
    {
        await using var scope = _withJobs!.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Explicit = new Actor("ada", Roles.Admin);
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    private async Task<ListSchedules.Response> ListUntilAsync(Func<ListSchedules.Response, bool> ready)
    {
        var view = await SendAsync(new ListSchedules.Query());
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!ready(view) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            view = await SendAsync(new ListSchedules.Query());
        }
        return view;
    }

    [Fact]
    public async Task With_jobs_enabled_lists_every_schedule_with_its_next_run_the_queues_and_this_nodes_servers()
    {
        var registeredAfter = DateTimeOffset.UtcNow;
        _withJobs = new HireVetFactory(db.ConnectionString, jobsEnabled: true, new Dictionary<string, string?> { ["Jobs:NodeName"] = "schedules-node" },
            timedSchedules: true);
        _withJobs.CreateClient().Dispose(); // starts the host, its job servers and the recurring jobs' registration
        // A retry an hour away is a scheduled job of the re-screening queue: counted, not listed as a schedule.
        var retry = await _withJobs.Services.GetRequiredService<IRescreenScheduler>().EnqueueBatchAsync(999, 1, TimeSpan.FromHours(1), default);
        Assert.NotNull(retry);

        var view = await ListUntilAsync(v => v.Schedules.Count == 9 && v.Nodes.Any(n => n is { IsThisNode: true, Servers.Count: 4 }));
        var now = DateTimeOffset.UtcNow;

        Assert.Equal(("running", "schedules-node"), (view.Status, view.ThisNode));
        Assert.Equal(["fold-dashboard-counts", "pull-connectors", "purge-sign-in-attempts", "rescreen-nightly", "rescreen-weekly", "sign-audit-checkpoint",
                      "sweep-pending-vetting", "sweep-rescreen-batches", "walk-audit-chain"],
            view.Schedules.Select(s => s.Name));
        Assert.Equal(1, view.Scheduled);
        Assert.Equal(["vetting", "rescreen", "maintenance", "connectors"], view.Queues.Select(q => q.Name));
        Assert.All(view.Schedules, s => Assert.Equal(("maintenance", "UTC", (string?)null), (s.Queue, s.TimeZone, s.Error)));

        // A next run is computed when a schedule is registered or fires (each node looks every few seconds), so it is an
        // occurrence of the cron after the registration, and may lie a moment in the past when it just came due.
        void NextRun(string name, string cron, string job, TimeSpan every, Func<DateTimeOffset, bool> isOccurrence)
        {
            var schedule = Assert.Single(view.Schedules, s => s.Name == name);
            Assert.Equal((cron, job), (schedule.Cron, schedule.Job));
            var next = schedule.NextFireAt!.Value;
            Assert.True(isOccurrence(next), $"{name}: {next:O} is no occurrence of {cron}");
            Assert.InRange(next, registeredAfter, now + every);
        }
        NextRun("rescreen-nightly", "0 0 2 * * ?", "StartRescreenJob.RunAsync", TimeSpan.FromDays(1), t => t.TimeOfDay == TimeSpan.FromHours(2));
        NextRun("rescreen-weekly", "0 0 3 ? * SUN", "StartRescreenJob.RunAsync", TimeSpan.FromDays(7),
            t => t.DayOfWeek == DayOfWeek.Sunday && t.TimeOfDay == TimeSpan.FromHours(3));
        NextRun("walk-audit-chain", "0 30 * * * ?", "WalkAuditChainJob.RunAsync", TimeSpan.FromHours(1), t => t is { Minute: 30, Second: 0 });
        NextRun("sign-audit-checkpoint", "0 */10 * * * ?", "SignAuditCheckpointJob.RunAsync", TimeSpan.FromMinutes(10), t => t is { Second: 0, Minute: 0 or 10 or 20 or 30 or 40 or 50 });
        NextRun("fold-dashboard-counts", "0 * * * * ?", "FoldDashboardCountsJob.RunAsync", TimeSpan.FromMinutes(1), t => t.Second == 0);
        NextRun("sweep-rescreen-batches", "30 * * * * ?", "SweepRescreenBatchesJob.RunAsync", TimeSpan.FromMinutes(1), t => t.Second == 30);
        NextRun("purge-sign-in-attempts", "0 15 4 * * ?", "PurgeSignInAttemptsJob.RunAsync", TimeSpan.FromDays(1), t => t.TimeOfDay == new TimeSpan(4, 15, 0));
        NextRun("pull-connectors", "15 * * * * ?", "PullConnectorsJob.RunAsync", TimeSpan.FromMinutes(1), t => t.Second == 15);
        Assert.Equal("Nightly incremental re-screening", view.Schedules.Single(s => s.Name == "rescreen-nightly").Description);

        var node = Assert.Single(view.Nodes, n => n.IsThisNode);
        Assert.Equal(("schedules-node", "alive", TimeSpan.FromSeconds(10)), (node.Name, node.State, node.CheckInInterval));
        Assert.Equal(["schedules-node-connectors (connectors; 2 workers)", "schedules-node-maintenance (maintenance; 1 worker)", "schedules-node-rescreen (rescreen; 4 workers)",
                      "schedules-node-vetting (vetting; 2 workers)"],
            node.Servers);
        Assert.InRange(node.LastCheckIn!.Value, now.AddSeconds(-30), now.AddSeconds(1));
    }

    [Fact]
    public async Task Run_now_enqueues_a_recurring_job_at_once_records_who_asked_and_refuses_an_unknown_schedule()
    {
        _withJobs = new HireVetFactory(db.ConnectionString, jobsEnabled: true, new Dictionary<string, string?> { ["Jobs:NodeName"] = "run-now-node" });
        _withJobs.CreateClient().Dispose();
        await ListUntilAsync(v => v.Schedules.Count == 9);

        var triggered = await SendAsync(new TriggerSchedule.Command("walk-audit-chain"));

        // The hourly walk ran now: it recorded a walk of the chain.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await db.QuerySingleAsync<int>("select count(*)::int from audit_chain_walks") == 0 && DateTime.UtcNow < deadline) await Task.Delay(200);
        Assert.Equal(1, await db.QuerySingleAsync<int>("select count(*)::int from audit_chain_walks"));
        var walk = (await ListUntilAsync(v => v.Schedules.Any(s => s is { Name: "walk-audit-chain", State: "succeeded" }))).Schedules.Single(s => s.Name == "walk-audit-chain");
        Assert.Equal("succeeded", walk.State);
        Assert.NotNull(walk.PreviousFireAt);
        Assert.Null(walk.NextFireAt); // its cron here never comes due
        var audit = await db.QuerySingleAsync<(string Actor, string TargetId, string Details)>(
            "select actor, target_id, details from audit_records where action = 'TriggerSchedule'");
        Assert.Equal(("ada", "walk-audit-chain"), (audit.Actor, audit.TargetId));
        Assert.Contains($"\"jobId\":\"{triggered.JobId}\"", audit.Details);

        await Assert.ThrowsAsync<HireVet.Application.Common.Errors.NotFoundException>(() => SendAsync(new TriggerSchedule.Command("no-such-schedule")));
        Assert.Equal(1, await db.QuerySingleAsync<int>("select count(*)::int from audit_records where action = 'TriggerSchedule'"));
    }

    [Fact]
    public async Task With_jobs_disabled_says_so_and_still_shows_the_cluster_from_the_shared_storage()
    {
        var view = await db.SendAsync(new ListSchedules.Query());

        Assert.Equal("disabled", view.Status);
        Assert.False(view.RunningOnThisNode);
        Assert.Empty(view.Schedules); // no node has registered them since the reset
        Assert.Empty(view.Nodes);
        Assert.False(view.AnyNodeAlive);
        Assert.Equal([0L, 0L, 0L, 0L], view.Queues.Select(q => q.Waiting));
    }

    [Fact]
    public async Task The_jobs_page_on_a_node_with_jobs_disabled_says_so_and_offers_no_start()
    {
        var response = await (await db.ClientAsync(Roles.Admin)).GetAsync("/admin/jobs");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Jobs are disabled on this node", html);
        Assert.Contains("id=\"no-node-alive\"", html);
        Assert.DoesNotContain("id=\"start-run\"", html);
        Assert.Contains("id=\"start-unavailable\"", html);
    }
}
