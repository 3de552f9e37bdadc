using HireVet.Quality.Running;

namespace HireVet.Scale;

/// <summary>The private cluster of the scale benchmarks, with a quarter of the machine's memory as shared buffers: the
/// seeded databases are 6 to 12 GB, and with PostgreSQL's default 128 MB every index probe was a read from the OS
/// cache. A quarter is the usual size for a dedicated server; PG_SERVER_OPTIONS set by hand wins. The buffers are in
/// huge pages where the machine lets the run reserve them (<see cref="HugePages"/>), as on a tuned database server, and
/// checkpoints are spaced as on a server that takes writes (<see cref="WalSettings"/>).</summary>
public static class ScaleCluster
{
    /// <summary>PostgreSQL ships a checkpoint every 1 GB of WAL or 5 minutes; a server that takes writes is usually given
    /// more room, as PostgreSQL's documentation suggests. With full_page_writes on (fsync on) the first change to each
    /// page after a checkpoint logs the whole page. With fsync on, a bulk import ran at 423 candidates a second with the
    /// shipped settings and 609 with these; 100 submissions a second showed no clear difference (p99 47.8 ms, against
    /// 30.7 and 58.2 ms; decision 0060).</summary>
    public const string WalSettings = "-c max_wal_size=16GB -c checkpoint_timeout=30min -c wal_compression=lz4";

    public static PrivateCluster Start(string? keepIn, bool fsync = false, Action<string>? log = null)
    {
        var options = Environment.GetEnvironmentVariable("PG_SERVER_OPTIONS");
        var sharedBuffersMb = HugePages.SharedBuffersMb(options) ?? Math.Max(128, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 4 / 1024 / 1024);
        if (options is null) Environment.SetEnvironmentVariable("PG_SERVER_OPTIONS", $"-c shared_buffers={sharedBuffersMb}MB {WalSettings}");
        var hugePages = HugePages.Reserve(sharedBuffersMb);
        log?.Invoke(hugePages.Outcome);
        return new PrivateCluster(keepIn, durable: fsync, afterStop: hugePages.Dispose);
    }
}
