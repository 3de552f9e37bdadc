using HireVet.Quality.Running;

namespace HireVet.Scale;

/// <summary>The private cluster of the scale benchmarks, with a quarter of the machine's memory as shared buffers: the
/// seeded databases are 6 to 12 GB, and with PostgreSQL's default 128 MB every index probe was a read from the OS
/// cache. A quarter is the usual size for a dedicated server; PG_SERVER_OPTIONS set by hand wins. The buffers are in
/// huge pages where the machine lets the run reserve them (<see cref="HugePages"/>), as on a tuned database server.</summary>
public static class ScaleCluster
{
    public static PrivateCluster Start(string? keepIn, bool fsync = false, Action<string>? log = null)
    {
        var options = Environment.GetEnvironmentVariable("PG_SERVER_OPTIONS");
        var sharedBuffersMb = HugePages.SharedBuffersMb(options) ?? Math.Max(128, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 4 / 1024 / 1024);
        if (options is null) Environment.SetEnvironmentVariable("PG_SERVER_OPTIONS", $"-c shared_buffers={sharedBuffersMb}MB");
        var hugePages = HugePages.Reserve(sharedBuffersMb);
        log?.Invoke(hugePages.Outcome);
        return new PrivateCluster(keepIn, durable: fsync, afterStop: hugePages.Dispose);
    }
}
