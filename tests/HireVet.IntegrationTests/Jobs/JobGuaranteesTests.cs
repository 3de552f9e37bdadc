using HireVet.Application.Audit;
using HireVet.Application.Common.Security;
using HireVet.Application.Rescreening;
using HireVet.IntegrationTests.Infrastructure;
using HireVet.Web.Security;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace HireVet.IntegrationTests.Jobs;

/// <summary>What HireVet promises about its background work beyond Hangfire's own delivery: a scheduled start delivered
/// twice starts one run; the job storage is out of the application role's reach; a stopping node lets its running
/// batch commit; the audit chain writer is woken by a commit, not by polling.</summary>
[Collection("db")]
public sealed class JobGuaranteesTests(DatabaseFixture db) : IAsyncLifetime
{
    private HireVetFactory? _withJobs;

    public Task InitializeAsync() => db.ResetAsync();

    public async Task DisposeAsync()
    {
        if (_withJobs is not null) await _withJobs.DisposeAsync();
    }


    [Fact]
    public async Task A_scheduled_start_delivered_twice_returns_the_run_the_first_delivery_started()
    {
        await db.ClearedCandidatesAsync("ats-guarantee", 3);

        var first = await db.SendAsync(new StartRescreen.Command("full", "schedule", 2, JobKey: "42"), "system", Roles.System);
        var again = await db.SendAsync(new StartRescreen.Command("full", "schedule", 2, JobKey: "42"), "system", Roles.System);
        var another = await db.SendAsync(new StartRescreen.Command("full", "schedule", 2, JobKey: "43"), "system", Roles.System);

        Assert.Equal(first, again);
        Assert.Equal((3, 2), (first.Subjects, first.Batches));
        Assert.NotEqual(first.RunId, another.RunId);
        Assert.Equal(2, await db.QuerySingleAsync<int>("select count(*)::int from rescreen_runs"));
        Assert.Equal(4, await db.QuerySingleAsync<int>("select count(*)::int from rescreen_batches"));
        Assert.Equal(["started already by this job"], await db.QueryAsync<string>(
            "select details::jsonb->>'outcome' from audit_records where action = 'StartRescreen' and details::jsonb ? 'outcome'"));
    }

    [Fact]
    public async Task A_stopping_node_lets_its_running_batch_finish_and_commit()
    {
        var ids = await db.ClearedCandidatesAsync("ats-guarantee", 4);
        _withJobs = new HireVetFactory(db.ConnectionString, jobsEnabled: true, new Dictionary<string, string?> { ["Jobs:NodeName"] = "stopping-node" });
        _ = _withJobs.Services;

        // The test holds the subjects' rows, so the batch waits inside its transaction until the node is stopping.
        await using var gate = new NpgsqlConnection(db.ConnectionString);
        await gate.OpenAsync();
        await using var held = await gate.BeginTransactionAsync();
        await Dapper.SqlMapper.ExecuteAsync(gate, "select id from candidates where id = any(@ids) for update", new { ids }, held);
        StartRescreen.Response started;
        await using (var scope = _withJobs.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentActor>().Explicit = new Actor("ada", Roles.Admin);
            started = await scope.ServiceProvider.GetRequiredService<MediatR.IMediator>().Send(new StartRescreen.Command("full", "manual", 4));
        }
        // The batch's own job, not any job: a sweep processing at that moment once let the node stop before the batch began.
        const string BatchProcessing = """
            select count(*)::int from rescreen_batches b join hangfire.job j on j.id::text = b.job_id
            where b.run_id = @RunId and j.statename = 'Processing'
            """;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await db.QuerySingleAsync<int>(BatchProcessing, new { started.RunId }) == 0 && DateTime.UtcNow < deadline)
            await Task.Delay(100);
        Assert.Equal(1, await db.QuerySingleAsync<int>(BatchProcessing, new { started.RunId }));

        var stopping = _withJobs.DisposeAsync().AsTask();
        _withJobs = null;
        await Task.Delay(TimeSpan.FromSeconds(2)); // longer than Hangfire's default of 500 ms before it cancels a job
        await held.RollbackAsync();
        await stopping;

        Assert.Equal(("completed", 4), await db.QuerySingleAsync<(string, int)>("select status, processed from rescreen_runs where id = @RunId", new { started.RunId }));
        Assert.Equal(("done", 1, "stopping-node"), await db.QuerySingleAsync<(string, int, string)>(
            "select status, attempts, node from rescreen_batches where run_id = @RunId", new { started.RunId }));
    }

    [Fact]
    public async Task The_audit_chain_writer_links_a_committed_record_at_once_though_its_fallback_round_is_an_hour_away()
    {
        _withJobs = new HireVetFactory(db.ConnectionString, jobsEnabled: true, new Dictionary<string, string?>
        {
            ["Audit:ChainFallbackSeconds"] = "3600", ["Jobs:NodeName"] = "chain-node",
        });
        _ = _withJobs.Services;
        await Task.Delay(TimeSpan.FromSeconds(1)); // the writer has linked what the fixture left and waits

        var submitted = await db.SendAsync(Dossiers.Honest(), "hana", Roles.Hr);

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (await db.QuerySingleAsync<int>("select count(*)::int from audit_unchained") > 0 && DateTime.UtcNow < deadline) await Task.Delay(50);
        Assert.Equal(0, await db.QuerySingleAsync<int>("select count(*)::int from audit_unchained"));
        Assert.Equal(1, await db.QuerySingleAsync<int>("""
            select count(*)::int from audit_chain c join audit_records r on r.id = c.record_id
            where r.action = 'SubmitCandidate' and r.target_id = @Id
            """, new { Id = submitted.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        var verified = await db.SendAsync(new VerifyAuditChain.Query(), "aud", Roles.Auditor);
        Assert.True(verified.Valid);
    }
}
