using System.Diagnostics;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using HireVet.Application.Access;
using HireVet.Application.Candidates;
using HireVet.Application.Common.Security;
using HireVet.Application.Vetting;
using HireVet.IntegrationTests.Infrastructure;

namespace HireVet.IntegrationTests.Monitoring;

/// <summary>Two HireVet processes share one database and its clustered Quartz store. A full re-screening run fans out
/// into many batches; one process is killed with SIGKILL while batches are running. The run completes on the other,
/// no batch is lost, and nobody is assessed twice by the run.</summary>
[Collection("db")]
public sealed class RescreenFailoverTests(DatabaseFixture db) : IAsyncLifetime
{
    private readonly List<Process> _nodes = [];
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output = new();

    public Task InitializeAsync() => db.ResetAsync();

    public Task DisposeAsync()
    {
        foreach (var node in _nodes.Where(n => !n.HasExited)) node.Kill(entireProcessTree: true);
        foreach (var node in _nodes) node.Dispose();
        return Task.CompletedTask;
    }

    private static string WebDll()
    {
        var configuration = Path.GetFileName(Path.GetDirectoryName(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)))!; // Debug or Release
        return Path.Combine(PrivatePostgres.RepositoryRoot(), "src", "HireVet.Web", "bin", configuration, "net10.0", "HireVet.Web.dll");
    }

    private async Task<Uri> StartNodeAsync(string name)
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var info = new ProcessStartInfo("dotnet", [WebDll(), "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = Path.Combine(PrivatePostgres.RepositoryRoot(), "src", "HireVet.Web"),
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        info.Environment["ConnectionStrings__HireVet"] = db.ConnectionString;
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Database__MigrateOnStartup"] = "false";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["Jobs__NodeName"] = name;
        info.Environment.Remove("HIREVET_DATABASE_URL");
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, e) => Keep(name, e.Data);
        process.ErrorDataReceived += (_, e) => Keep(name, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _nodes.Add(process);

        var address = new Uri($"http://127.0.0.1:{port}");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(process.HasExited, $"node {name} exited with {(process.HasExited ? process.ExitCode : 0)}:\n{string.Join('\n', _output)}");
            try
            {
                if ((await http.GetAsync(new Uri(address, "/health"))).IsSuccessStatusCode) return address;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(200);
        }
        throw new TimeoutException($"node {name} did not answer /health within 60 s");
    }

    private void Keep(string node, string? line)
    {
        if (line is null) return;
        _output.Enqueue($"{node}: {line}");
        while (_output.Count > 60) _output.TryDequeue(out _);
    }

    [Fact]
    public async Task A_node_killed_in_the_middle_of_a_run_loses_no_batch_and_duplicates_no_assessment()
    {
        const int subjects = 240, batchSize = 4;
        // Cleared candidates are open cases: a full run re-screens every one of them.
        var imported = await db.SendAsync(new ImportCandidates.Command([.. Enumerable.Range(0, subjects).Select(i => Dossiers.Honest($"ats-failover-{i}"))]),
            "hana", Roles.Hr);
        await db.SendAsync(new VetCandidates.Command([.. imported.Stored.Select(s => s.Id)]), "system", Roles.System);

        var a = await StartNodeAsync("node-a");
        await StartNodeAsync("node-b");
        var key = (await db.SendAsync(new CreateApiKey.Command { Name = "failover", Role = Roles.Admin }, "fixture", Roles.Admin)).Key;
        using var admin = new HttpClient { BaseAddress = a };
        admin.DefaultRequestHeaders.Add("X-Api-Key", key);
        var started = await (await admin.PostAsJsonAsync("/api/admin/rescreen-runs", new { kind = "full", batchSize })).Content.ReadFromJsonAsync<JsonElement>();
        var runId = started.GetProperty("runId").GetInt64();
        Assert.Equal(subjects / batchSize, started.GetProperty("batches").GetInt32());

        // Kill node A once both nodes are at work and the run is part done.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && await db.QuerySingleAsync<int>(
                   "select count(*)::int from rescreen_batches where run_id = @runId and status = 'done'", new { runId }) < 5)
            await Task.Delay(50);
        var doneWhenKilled = await db.QuerySingleAsync<int>("select count(*)::int from rescreen_batches where run_id = @runId and status = 'done'", new { runId });
        _nodes[0].Kill(); // SIGKILL: no shutdown, its running batches' transactions die with its connections
        await _nodes[0].WaitForExitAsync();
        Assert.True(doneWhenKilled < subjects / batchSize, "the run finished before the kill: the test proved nothing");

        deadline = DateTime.UtcNow.AddSeconds(120);
        string status;
        while ((status = await db.QuerySingleAsync<string>("select status from rescreen_runs where id = @runId", new { runId })) == "running"
               && DateTime.UtcNow < deadline)
            await Task.Delay(250);

        var diagnosis = string.Join('\n', [
            .. await db.QueryAsync<string>("select status || ' ' || count(*) || ' ' || coalesce(min(node), '') from rescreen_batches where run_id = @runId group by status", new { runId }),
            .. await db.QueryAsync<string>("select trigger_name || ' ' || trigger_state from qrtz_triggers where trigger_group = 'rescreen' limit 10"),
            .. await db.QueryAsync<string>("select 'fired ' || trigger_name || ' ' || instance_name || ' ' || state from qrtz_fired_triggers limit 10"),
            .. await db.QueryAsync<string>("select 'node ' || instance_name || ' ' || last_checkin_time from qrtz_scheduler_state"),
            .. _output]);
        Assert.True(status == "completed", diagnosis);
        Assert.Equal(subjects / batchSize, await db.QuerySingleAsync<int>("select count(*)::int from rescreen_batches where run_id = @runId and status = 'done'", new { runId }));
        Assert.Equal(subjects, await db.QuerySingleAsync<int>("select processed from rescreen_runs where id = @runId", new { runId }));
        Assert.Equal(subjects, await db.QuerySingleAsync<int>("select count(distinct candidate_id)::int from assessments where rescreen_run_id = @runId", new { runId }));
        Assert.Equal(subjects, await db.QuerySingleAsync<int>("select count(*)::int from assessments where rescreen_run_id = @runId", new { runId }));
        var nodes = await db.QueryAsync<string>("select distinct node from rescreen_batches where run_id = @runId order by 1", new { runId });
        Assert.Contains("node-b", nodes);
        Assert.False(_nodes[1].HasExited);
    }
}
