using System.IO.Pipelines;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using HireVet.Application.Access;
using HireVet.Application.Common.Security;
using HireVet.Infrastructure.Database;
using HireVet.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace HireVet.IntegrationTests.Jobs;

/// <summary>HireVet processes as an operator runs them: two nodes starting together on an empty database, a node
/// killed while a bulk import is being vetted, and the database restarted under idle and busy nodes. Nothing is lost,
/// and no node needs a restart.</summary>
[Collection("db")]
public sealed class ClusterResilienceTests(DatabaseFixture db, ITestOutputHelper output) : IAsyncLifetime
{
    private readonly List<NodeProcess> _nodes = [];

    // Stale pending work and re-screening batches are asked for again every second (on top of the nodes' fast recovery).
    private static readonly Dictionary<string, string> Sweeps = new()
    {
        ["Jobs__SweepCron"] = "0/1 * * * * ?",
        ["Jobs__StalePendingSeconds"] = "1",
        ["Jobs__RescreenSweepCron"] = "0/1 * * * * ?",
        ["Jobs__RescreenSweepGraceSeconds"] = "1",
    };

    public Task InitializeAsync() => db.ResetAsync();

    public Task DisposeAsync()
    {
        foreach (var node in _nodes) node.Dispose();
        return Task.CompletedTask;
    }

    private NodeProcess Start(string name, string? connectionString = null, bool seed = false)
    {
        var node = NodeProcess.Start(name, connectionString ?? db.ConnectionString, Sweeps, seed);
        _nodes.Add(node);
        return node;
    }

    private async Task WaitUntilAsync(Func<Task<bool>> done, TimeSpan within, Func<string> diagnosis)
    {
        var deadline = DateTime.UtcNow + within;
        while (!await done())
        {
            Assert.True(DateTime.UtcNow < deadline, diagnosis());
            await Task.Delay(200);
        }
    }

    private string Outputs() => string.Join('\n', _nodes.Select(n => n.Output));

    [Fact]
    public async Task Two_migrations_started_together_on_an_empty_database_install_the_schema_once_and_two_nodes_then_serve()
    {
        const string database = "hirevet_two_nodes";
        await db.ExecuteOnServerAsync($"drop database if exists {database} with (force)");
        await db.ExecuteOnServerAsync($"create database {database}");
        try
        {
            // Two operators (or two deploy pipelines) migrate at once, each in its own process as the owner.
            var migrations = await Task.WhenAll(NodeProcess.MigrateAsync(db.OwnerConnectionStringFor(database)), NodeProcess.MigrateAsync(db.OwnerConnectionStringFor(database)));
            Assert.All(migrations, m => Assert.True(m.ExitCode == 0, m.Output));
            var connectionString = db.ConnectionStringFor(database);
            var a = Start("node-a", connectionString, seed: true);
            var b = Start("node-b", connectionString, seed: true);
            await Task.WhenAll(a.WaitHealthyAsync(TimeSpan.FromSeconds(120)), b.WaitHealthyAsync(TimeSpan.FromSeconds(120)));

            await using var connection = new Npgsql.NpgsqlConnection(db.OwnerConnectionStringFor(database));
            Assert.Equal(MigrationRunner.Embedded().Count, await Dapper.SqlMapper.ExecuteScalarAsync<int>(connection, "select count(*)::int from schema_migrations"));
            Assert.Equal([23], await Dapper.SqlMapper.QueryAsync<int>(connection, "select version from hangfire.schema"));
            await WaitUntilAsync(async () => await Dapper.SqlMapper.ExecuteScalarAsync<int>(connection, "select count(*)::int from hangfire.server") == 8,
                TimeSpan.FromSeconds(60), Outputs);
            // Both nodes registered the same schedules; the storage holds each once.
            Assert.Equal(9, await Dapper.SqlMapper.ExecuteScalarAsync<int>(connection, "select count(*)::int from hangfire.set where key = 'recurring-jobs'"));
            Assert.False(a.Process.HasExited || b.Process.HasExited, Outputs());
        }
        finally
        {
            foreach (var node in _nodes) node.Dispose();
            _nodes.Clear();
            Npgsql.NpgsqlConnection.ClearAllPools();
            await db.ExecuteOnServerAsync($"drop database if exists {database} with (force)");
        }
    }

    [Fact]
    public async Task A_node_killed_while_a_bulk_import_is_being_vetted_loses_no_candidate()
    {
        var a = Start("node-a");
        Start("node-b");
        await Task.WhenAll(_nodes.Select(n => n.WaitHealthyAsync()));
        var key = (await db.SendAsync(new CreateApiKey.Command { Name = "ats", Role = Roles.Hr }, "fixture", Roles.Admin)).Key;

        // The body is streamed: two full batches of 500 are sent, and the request stays open for more.
        var body = new Pipe();
        var lines = new StringBuilder();
        foreach (var i in Enumerable.Range(0, 1000))
            lines.Append(JsonSerializer.Serialize(Dossiers.Honest($"ats-bulk-kill-{i}"), JsonSerializerOptions.Web)).Append('\n');
        using var http = new HttpClient { BaseAddress = a.Address, Timeout = Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.Add("X-Api-Key", key);
        var content = new StreamContent(body.Reader.AsStream());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        var import = http.PostAsync("/api/candidates/bulk", content);
        await body.Writer.WriteAsync(Encoding.UTF8.GetBytes(lines.ToString())); // waits while the request reads it

        // Kill node A once the first batch is stored: its vetting (one transaction for the batch) dies with the node.
        await WaitUntilAsync(async () => await db.QuerySingleAsync<int>("select count(*)::int from candidates") >= 500, TimeSpan.FromSeconds(60), Outputs);
        await a.KillAsync();
        var stored = await db.QuerySingleAsync<int>("select count(*)::int from candidates");
        var pendingAtKill = await db.QuerySingleAsync<int>("select count(*)::int from candidates where vetting_status = 'pending'");
        Assert.True(pendingAtKill > 0, "the first batch was vetted before the kill: the test proved nothing");
        // The client stops sending; its request fails against the dead node (or finishes into the void).
        await body.Writer.CompleteAsync();
        try { await import.WaitAsync(TimeSpan.FromSeconds(30)); }
        catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException or TimeoutException) { }

        // Node B's sweep finds the candidates left pending and vets them.
        await WaitUntilAsync(async () => await db.QuerySingleAsync<int>("select count(*)::int from candidates where vetting_status = 'pending'") == 0,
            TimeSpan.FromSeconds(120), Outputs);
        Assert.Equal(stored, await db.QuerySingleAsync<int>("select count(*)::int from candidates"));
        Assert.Equal(stored, await db.QuerySingleAsync<int>("select count(distinct candidate_id)::int from assessments"));
        output.WriteLine($"{stored} stored before the kill, {pendingAtKill} of them not yet vetted; all vetted by node B.");
    }

    [Fact]
    public async Task After_a_database_restart_an_idle_node_vets_again_without_being_restarted()
    {
        var node = Start("node-a");
        await node.WaitHealthyAsync();
        await WaitUntilAsync(async () => await db.QuerySingleAsync<int>("select count(*)::int from hangfire.server") == 4, TimeSpan.FromSeconds(60), Outputs);

        db.RestartServer();
        var restarted = System.Diagnostics.Stopwatch.StartNew();

        // Stored as pending by the fixture's app, which enqueues nothing: only the node's sweep can have it vetted.
        var submitted = await db.SendAsync(Dossiers.Honest(), "hana", Roles.Hr);
        await WaitUntilAsync(async () => await db.QuerySingleAsync<string>("select vetting_status from candidates where id = @Id", new { submitted.Id }) == "completed",
            TimeSpan.FromSeconds(120), Outputs);
        Assert.False(node.Process.HasExited);
        output.WriteLine($"vetted {restarted.Elapsed.TotalSeconds:F1} s after the restart\n{node.Output}");
    }

    [Fact]
    public async Task A_database_restart_in_the_middle_of_a_run_loses_no_batch_and_duplicates_no_assessment()
    {
        const int subjects = 200, batchSize = 5;
        await db.ClearedCandidatesAsync("ats-restart", subjects);
        var node = Start("node-a");
        await node.WaitHealthyAsync();
        var key = (await db.SendAsync(new CreateApiKey.Command { Name = "restart", Role = Roles.Admin }, "fixture", Roles.Admin)).Key;
        using var admin = new HttpClient { BaseAddress = node.Address };
        admin.DefaultRequestHeaders.Add("X-Api-Key", key);
        var runId = (await (await admin.PostAsJsonAsync("/api/admin/rescreen-runs", new { kind = "full", batchSize })).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("runId").GetInt64();

        await WaitUntilAsync(async () => await db.QuerySingleAsync<int>("select count(*)::int from rescreen_batches where run_id = @runId and status = 'done'", new { runId }) >= 3,
            TimeSpan.FromSeconds(60), Outputs);
        db.RestartServer();

        await WaitUntilAsync(async () => await db.QuerySingleAsync<string>("select status from rescreen_runs where id = @runId", new { runId }) != "running",
            TimeSpan.FromSeconds(180), Outputs);
        Assert.Equal("completed", await db.QuerySingleAsync<string>("select status from rescreen_runs where id = @runId", new { runId }));
        Assert.Equal(subjects / batchSize, await db.QuerySingleAsync<int>("select count(*)::int from rescreen_batches where run_id = @runId and status = 'done'", new { runId }));
        Assert.Equal(subjects, await db.QuerySingleAsync<int>("select processed from rescreen_runs where id = @runId", new { runId }));
        Assert.Equal(subjects, await db.QuerySingleAsync<int>("select count(*)::int from assessments where rescreen_run_id = @runId", new { runId }));
        Assert.Equal(subjects, await db.QuerySingleAsync<int>("select count(distinct candidate_id)::int from assessments where rescreen_run_id = @runId", new { runId }));
        Assert.False(node.Process.HasExited);
        output.WriteLine(string.Join(", ", await db.QueryAsync<string>(
            "select batch_no || ': ' || attempts || ' attempts' from rescreen_batches where run_id = @runId and attempts > 1 order by batch_no", new { runId })));
    }
}
