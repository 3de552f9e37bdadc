using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using HireVet.Application.Access;
using HireVet.Application.Common.Security;
using HireVet.Application.Rescreening;
using HireVet.IntegrationTests.Infrastructure;
using Npgsql;
using Xunit.Abstractions;

namespace HireVet.IntegrationTests.Rescreening;

/// <summary>Two HireVet processes share one database and its Hangfire storage. A full re-screening run fans out into
/// many batches; one process is killed with SIGKILL while its workers are inside batches. The run completes on the
/// other, no batch is lost, nobody is assessed twice by the run, and Hangfire's history shows the other node taking
/// the killed node's jobs over. A second case: the node dies between the run's commit and the enqueue of its batches.</summary>
[Collection("db")]
public sealed class RescreenFailoverTests(DatabaseFixture db, ITestOutputHelper output) : IAsyncLifetime
{
    private readonly List<NodeProcess> _nodes = [];

    private static readonly Dictionary<string, string> TwoRescreenWorkers = new() { ["Jobs__RescreenWorkers"] = "2" };

    public Task InitializeAsync() => db.ResetAsync();

    public Task DisposeAsync()
    {
        foreach (var node in _nodes) node.Dispose();
        return Task.CompletedTask;
    }

    private async Task<NodeProcess> StartNodeAsync(string name)
    {
        var node = NodeProcess.Start(name, db.ConnectionString, TwoRescreenWorkers);
        _nodes.Add(node);
        await node.WaitHealthyAsync();
        return node;
    }


    /// <summary>Jobs whose current state is Processing on one of the node's servers.</summary>
    private Task<long[]> ProcessingOnAsync(string node) => db.QueryAsync<long>("""
        select j.id from hangfire.job j join hangfire.state s on s.id = j.stateid
        where j.statename = 'Processing' and s.data->>'ServerId' like @Server order by j.id
        """, new { Server = node + "-rescreen:%" });

    private async Task<string> WaitForRunAsync(long runId, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        string status;
        while ((status = await db.QuerySingleAsync<string>("select status from rescreen_runs where id = @runId", new { runId })) == "running"
               && DateTime.UtcNow < deadline)
            await Task.Delay(250);
        return status;
    }

    private async Task AssertCompletedOnceEachAsync(long runId, int subjects, int batches, string status, string diagnosis)
    {
        Assert.True(status == "completed", diagnosis);
        Assert.Equal(batches, await db.QuerySingleAsync<int>("select count(*)::int from rescreen_batches where run_id = @runId and status = 'done'", new { runId }));
        Assert.Equal(subjects, await db.QuerySingleAsync<int>("select processed from rescreen_runs where id = @runId", new { runId }));
        Assert.Equal(subjects, await db.QuerySingleAsync<int>("select count(distinct candidate_id)::int from assessments where rescreen_run_id = @runId", new { runId }));
        Assert.Equal(subjects, await db.QuerySingleAsync<int>("select count(*)::int from assessments where rescreen_run_id = @runId", new { runId }));
    }

    [Fact]
    public async Task A_node_killed_inside_batches_loses_no_batch_duplicates_no_assessment_and_its_jobs_finish_on_the_other()
    {
        const int subjects = 240, batchSize = 8, batches = subjects / batchSize, doneBeforeKill = 5;
        var ids = await db.ClearedCandidatesAsync("ats-failover", subjects);
        var a = await StartNodeAsync("node-a");
        await StartNodeAsync("node-b");

        // The subjects of every batch after the fifth are locked by the test: a batch marking them pending waits, so the
        // workers of both nodes end up inside batches (Processing) and stay there; the kill then certainly interrupts
        // node A's running jobs, whatever the machine's speed.
        await using var gate = new NpgsqlConnection(db.ConnectionString);
        await gate.OpenAsync();
        await using var held = await gate.BeginTransactionAsync();
        await Dapper.SqlMapper.ExecuteAsync(gate, "select id from candidates where id = any(@Ids) order by id for update",
            new { Ids = ids[(doneBeforeKill * batchSize)..] }, held);

        var key = (await db.SendAsync(new CreateApiKey.Command { Name = "failover", Role = Roles.Admin }, "fixture", Roles.Admin)).Key;
        using var admin = new HttpClient { BaseAddress = a.Address };
        admin.DefaultRequestHeaders.Add("X-Api-Key", key);
        var started = await (await admin.PostAsJsonAsync("/api/admin/rescreen-runs", new { kind = "full", batchSize })).Content.ReadFromJsonAsync<JsonElement>();
        var runId = started.GetProperty("runId").GetInt64();
        Assert.Equal(batches, started.GetProperty("batches").GetInt32());

        var deadline = DateTime.UtcNow.AddSeconds(90);
        long[] interrupted;
        while (((interrupted = await ProcessingOnAsync("node-a")).Length < 2
                || await db.QuerySingleAsync<int>("select count(*)::int from rescreen_batches where run_id = @runId and status = 'done'", new { runId }) < doneBeforeKill)
               && DateTime.UtcNow < deadline)
            await Task.Delay(100);
        Assert.True(interrupted.Length == 2, $"node A's two re-screening workers never both waited inside a batch:\n{a.Output}");

        await a.KillAsync();
        var killedAt = Stopwatch.StartNew();
        await held.RollbackAsync();

        // The time from the kill to the first of node A's interrupted batches finished on node B.
        deadline = DateTime.UtcNow.AddSeconds(120);
        while (await db.QuerySingleAsync<int>("select count(*)::int from hangfire.job where id = any(@interrupted) and statename = 'Succeeded'",
                   new { interrupted }) == 0 && DateTime.UtcNow < deadline)
            await Task.Delay(100);
        var firstTakenOver = killedAt.Elapsed;

        var status = await WaitForRunAsync(runId, TimeSpan.FromSeconds(120));
        var diagnosis = string.Join('\n', [
            .. await db.QueryAsync<string>("select status || ' ' || count(*) || ' ' || coalesce(min(node), '') from rescreen_batches where run_id = @runId group by status", new { runId }),
            .. await db.QueryAsync<string>("select 'job ' || id || ' ' || statename from hangfire.job where statename <> 'Succeeded' order by id limit 20"),
            .. await db.QueryAsync<string>("select 'queue ' || jobid || ' ' || queue || ' fetched ' || coalesce(fetchedat::text, '-') from hangfire.jobqueue limit 20"),
            .. await db.QueryAsync<string>("select 'server ' || id || ' ' || lastheartbeat from hangfire.server"),
            .. _nodes.Select(n => n.Output)]);
        await AssertCompletedOnceEachAsync(runId, subjects, batches, status, diagnosis);
        Assert.Contains("node-b", await db.QueryAsync<string>("select distinct node from rescreen_batches where run_id = @runId", new { runId }));
        Assert.DoesNotContain("node-a", await db.QueryAsync<string>(
            "select distinct node from rescreen_batches where run_id = @runId and batch_no > @doneBeforeKill", new { runId, doneBeforeKill }));

        // The recovery, in Hangfire's own history: each job node A was running was taken over by node B and succeeded.
        foreach (var job in interrupted)
        {
            var history = await db.QueryAsync<string>(
                "select name || coalesce(' ' || split_part(data->>'ServerId', ':', 1), '') from hangfire.state where jobid = @job order by id", new { job });
            Assert.Equal("Succeeded", history[^1]);
            Assert.Contains("Processing node-a-rescreen", history);
            Assert.Contains("Processing node-b-rescreen", history);
            Assert.True(Array.IndexOf(history, "Processing node-a-rescreen") < Array.LastIndexOf(history, "Processing node-b-rescreen"), string.Join(", ", history));
        }
        // No job of HireVet's takes a storage lock that a killed node could leave behind.
        Assert.Empty(await db.QueryAsync<string>("select resource from hangfire.lock where resource ilike '%HireVet%'"));
        output.WriteLine($"Invisibility timeout 8 s: the first interrupted batch finished on node B {firstTakenOver.TotalSeconds:F1} s after " +
                         $"node A was killed; the run completed {killedAt.Elapsed.TotalSeconds:F1} s after.");
        Assert.False(_nodes[1].Process.HasExited);
    }

    [Fact]
    public async Task A_run_whose_node_died_between_its_commit_and_the_enqueue_of_its_batches_is_finished_by_the_sweep()
    {
        const int subjects = 40, batchSize = 10;
        await db.ClearedCandidatesAsync("ats-failover", subjects);
        // The fixture's host enqueues nothing (jobs disabled): the run and its batches are committed and no job exists,
        // exactly what a node killed right after the commit leaves behind.
        var started = await db.SendAsync(new StartRescreen.Command("full", "manual", batchSize), "ada", Roles.Admin);
        var runId = started.RunId!.Value;
        Assert.Equal(subjects / batchSize, await db.QuerySingleAsync<int>(
            "select count(*)::int from rescreen_batches where run_id = @runId and job_id is null", new { runId }));

        var settings = new Dictionary<string, string>(TwoRescreenWorkers)
        {
            ["Jobs__RescreenSweepCron"] = "0/1 * * * * ?", ["Jobs__RescreenSweepGraceSeconds"] = "1",
        };
        var node = NodeProcess.Start("node-c", db.ConnectionString, settings);
        _nodes.Add(node);
        await node.WaitHealthyAsync();

        var status = await WaitForRunAsync(runId, TimeSpan.FromSeconds(90));
        await AssertCompletedOnceEachAsync(runId, subjects, subjects / batchSize, status, node.Output);
        Assert.Equal(0, await db.QuerySingleAsync<int>("select count(*)::int from rescreen_batches where run_id = @runId and job_id is null", new { runId }));
        Assert.Equal(["node-c"], await db.QueryAsync<string>("select distinct node from rescreen_batches where run_id = @runId", new { runId }));
    }
}
