using Dapper;
using Npgsql;

namespace HireVet.Scale.Load;

/// <summary>What background vetting got done, read from the app's own tables: completed candidates, assessments
/// written in a time window, and what is still pending.</summary>
public sealed class VettingProgress(string connectionString)
{
    public async Task<long> CompletedAsync() => await Scalar("select count(*) from candidates where vetting_status = 'completed'");

    public async Task<long> PendingAsync() => await Scalar("select count(*) from candidates where vetting_status = 'pending'");

    public async Task<long> AssessedBetweenAsync(DateTimeOffset from, DateTimeOffset to) =>
        await Scalar("select count(*) from assessments where assessed_at >= @From and assessed_at < @To", new { From = from, To = to });

    /// <summary>Waits until nothing is pending (or the time is up); returns how long it took and whether it drained.</summary>
    public async Task<(TimeSpan Elapsed, bool Drained, long Left)> DrainAsync(TimeSpan limit)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var left = await PendingAsync();
            if (left == 0 || clock.Elapsed >= limit) return (clock.Elapsed, left == 0, left);
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    private async Task<long> Scalar(string sql, object? args = null)
    {
        await using var db = new NpgsqlConnection(connectionString);
        return await db.ExecuteScalarAsync<long>(new CommandDefinition(sql, args, commandTimeout: 0));
    }
}
