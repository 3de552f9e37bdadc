using Dapper;
using Npgsql;

namespace HireVet.Scale.Load;

/// <summary>Samples what the app's database sessions are doing (pg_stat_activity) every 100 ms while a load runs:
/// running on a CPU, waiting for a lock (which kind, on which table), for the client (idle in transaction: the app is computing or
/// queued between statements), or for I/O. The shares say where the database side of the time goes.</summary>
public sealed class DbWaitSampler : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Dictionary<string, int> _counts = [];
    private readonly Task _sampling;
    private int _samples;

    private DbWaitSampler(string connectionString) => _sampling = Task.Run(() => SampleAsync(connectionString));

    public static DbWaitSampler Start(string connectionString) => new(connectionString);

    private async Task SampleAsync(string connectionString)
    {
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync();
        while (!_stop.IsCancellationRequested)
        {
            var rows = await db.QueryAsync<(string State, int Sessions)>("""
                select case when a.state = 'active' and a.wait_event is null then 'active, on CPU'
                            when a.state = 'active' then 'active, waiting: ' || a.wait_event_type || '/' || a.wait_event
                                 || coalesce(' on ' || (select l.relation::regclass::text from pg_locks l
                                                        where l.pid = a.pid and not l.granted and l.relation is not null limit 1), '')
                            else coalesce(a.state, '?') end as state, count(*)::int
                from pg_stat_activity a
                where a.datname = current_database() and a.pid <> pg_backend_pid() and a.backend_type = 'client backend' and a.state <> 'idle'
                group by 1
                """);
            lock (_counts)
            {
                _samples++;
                foreach (var (state, sessions) in rows) _counts[state] = _counts.GetValueOrDefault(state) + sessions;
            }
            try { await Task.Delay(100, _stop.Token); } catch (OperationCanceledException) { }
        }
    }

    /// <summary>Average number of busy sessions in each state over the samples, most first.</summary>
    public async Task<IReadOnlyList<(string State, double Sessions)>> StopAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        lock (_counts) return [.. _counts.OrderByDescending(kv => kv.Value).Select(kv => (kv.Key, (double)kv.Value / Math.Max(1, _samples)))];
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested) await StopAsync();
        _stop.Dispose();
    }
}
