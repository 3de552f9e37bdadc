using System.Text.RegularExpressions;

namespace HireVet.Scale;

/// <summary>Reserves the kernel's huge pages for PostgreSQL's shared buffers for the length of a run, and gives the
/// machine back its setting afterwards. PostgreSQL maps its shared buffers into every server process; in 4 kB pages
/// each process faults in every buffer page it first touches, and on this machine's hypervisor a fault is dear: with
/// the 16 connections of the app's pool touching the 1.3 GB resume bands' index at random, the POST window's p99 was
/// 381 ms, and 86.5 ms with the buffers in 2 MB pages (decision 0059). PostgreSQL's documentation recommends huge pages
/// for large shared buffers, and its default (huge_pages=try) takes them whenever the kernel has them reserved.
/// Reserving needs root; without it, or with HIREVET_BENCH_HUGE_PAGES=off, the run goes on in 4 kB pages and the
/// report says so.</summary>
public sealed partial class HugePages : IDisposable
{
    private const string Setting = "/proc/sys/vm/nr_hugepages";
    private readonly long? _restore;

    /// <summary>What was done, for the log.</summary>
    public string Outcome { get; }

    private HugePages(long? restore, string outcome) => (_restore, Outcome) = (restore, outcome);

    public static HugePages Reserve(long sharedBuffersMb)
    {
        if (Environment.GetEnvironmentVariable("HIREVET_BENCH_HUGE_PAGES") == "off")
            return new HugePages(null, "huge pages off (HIREVET_BENCH_HUGE_PAGES=off)");
        if (!File.Exists(Setting) || Meminfo("Hugepagesize") is not { } pageKb || pageKb == 0)
            return new HugePages(null, "no huge pages on this system");
        // PostgreSQL's shared memory is its buffers and a few percent more (locks, WAL buffers, the buffer descriptors).
        var needed = (sharedBuffersMb * 1024 * 105 / 100 + 256 * 1024) / pageKb;
        var free = Meminfo("HugePages_Free") ?? 0;
        if (free >= needed) return new HugePages(null, $"{free:N0} huge pages were free already");
        var before = long.Parse(File.ReadAllText(Setting).Trim());
        var wanted = (before + needed - free).ToString();
        try
        {
            File.WriteAllText(Setting, wanted);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            return new HugePages(null, $"could not reserve huge pages ({e.Message.Trim()}): shared buffers in 4 kB pages");
        }
        var reserved = Meminfo("HugePages_Free") ?? 0;
        var made = "";
        if (reserved < needed)
        {
            // The kernel finds 2 MB pages only where memory is free and unfragmented; after the runs before this one
            // it is mostly file cache (a kept cluster copied back is 13 GB). Clean cache is dropped and memory
            // compacted, and the reservation asked for again.
            MakeRoom();
            File.WriteAllText(Setting, wanted);
            made = $" after dropping the file cache ({reserved:N0} at first)";
            reserved = Meminfo("HugePages_Free") ?? 0;
        }
        return new HugePages(before, $"reserved {reserved:N0} huge pages of {pageKb / 1024} MB for the run ({needed:N0} wanted){made}");
    }

    private static void MakeRoom()
    {
        using (var sync = System.Diagnostics.Process.Start("sync")) sync?.WaitForExit();
        foreach (var (file, value) in new[] { ("/proc/sys/vm/drop_caches", "3"), ("/proc/sys/vm/compact_memory", "1") })
            try { File.WriteAllText(file, value); } catch (Exception e) when (e is UnauthorizedAccessException or IOException) { }
    }

    /// <summary>Huge pages PostgreSQL holds now (in use or promised to its mapping), in MB; null without huge pages.</summary>
    public static long? HeldMb() =>
        Meminfo("Hugepagesize") is { } pageKb && Meminfo("HugePages_Total") is { } total && total > 0
            ? (total - (Meminfo("HugePages_Free") ?? 0) + (Meminfo("HugePages_Rsvd") ?? 0)) * pageKb / 1024
            : null;

    /// <summary>The shared_buffers size in MB that PG_SERVER_OPTIONS sets, if it sets one in MB or GB.</summary>
    public static long? SharedBuffersMb(string? serverOptions) =>
        serverOptions is not null && SharedBuffersSetting().Match(serverOptions) is { Success: true } m
            ? long.Parse(m.Groups[1].Value) * (m.Groups[2].Value.Equals("GB", StringComparison.OrdinalIgnoreCase) ? 1024 : 1)
            : null;

    /// <summary>Gives the kernel back the pages reserved for the run; called once the cluster has stopped.</summary>
    public void Dispose()
    {
        if (_restore is { } before)
            try { File.WriteAllText(Setting, before.ToString()); } catch (Exception e) when (e is UnauthorizedAccessException or IOException) { }
    }

    private static long? Meminfo(string key)
    {
        if (!File.Exists("/proc/meminfo")) return null;
        var line = File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith(key + ":", StringComparison.Ordinal));
        return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
    }

    [GeneratedRegex(@"shared_buffers=(\d+)(MB|GB)", RegexOptions.IgnoreCase)]
    private static partial Regex SharedBuffersSetting();
}
