using HireVet.Application.Common.Security;
using HireVet.Application.Rescreening;
using HireVet.IntegrationTests.Infrastructure;

namespace HireVet.IntegrationTests.Rescreening;

/// <summary>A re-screening batch that fails is tried again until its third failure; that one counts against the run,
/// which then closes as completed with failures. A failure reported for a batch no longer pending changes nothing.</summary>
[Collection("db")]
public sealed class RecordRescreenFailureTests(DatabaseFixture db) : IAsyncLifetime
{
    public Task InitializeAsync() => db.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private Task<(string Status, int Attempts, string? LastError)> BatchAsync(long runId, int batchNo) =>
        db.QuerySingleAsync<(string, int, string?)>(
            "select status, attempts, last_error from rescreen_batches where run_id = @runId and batch_no = @batchNo", new { runId, batchNo });

    private Task<(string Status, int Failures)> RunAsync(long runId) =>
        db.QuerySingleAsync<(string, int)>("select status, failures from rescreen_runs where id = @runId", new { runId });

    [Fact]
    public async Task A_batch_is_retried_until_its_third_failure_which_counts_against_the_run_and_closes_it()
    {
        await db.ClearedCandidatesAsync("ats-failing", 2);
        var runId = (await db.SendAsync(new StartRescreen.Command("full", "manual", 2), "ada", Roles.Admin)).RunId!.Value;
        var batchNo = await db.QuerySingleAsync<int>("select min(batch_no) from rescreen_batches where run_id = @runId", new { runId });

        for (var attempt = 1; attempt < RecordRescreenFailure.MaxAttempts; attempt++)
        {
            await db.SendAsync(new RecordRescreenFailure.Command(runId, batchNo, $"timeout {attempt}"), "system", Roles.System);
            Assert.Equal(("pending", attempt, $"timeout {attempt}"), await BatchAsync(runId, batchNo));
            Assert.Equal(("running", 0), await RunAsync(runId));
        }

        await db.SendAsync(new RecordRescreenFailure.Command(runId, batchNo, "timeout 3"), "system", Roles.System);
        Assert.Equal(("failed", 3, "timeout 3"), await BatchAsync(runId, batchNo));
        Assert.Equal(("completed_with_failures", 1), await RunAsync(runId));

        await db.SendAsync(new RecordRescreenFailure.Command(runId, batchNo, "late report"), "system", Roles.System);
        Assert.Equal(("failed", 3, "timeout 3"), await BatchAsync(runId, batchNo));
        Assert.Equal(("completed_with_failures", 1), await RunAsync(runId));
    }
}
