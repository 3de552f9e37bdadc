using System.Diagnostics;
using System.Net;
using HireVet.Application.ReferenceData;
using HireVet.Application.ReferenceData.Network;
using HireVet.Infrastructure.ReferenceData;
using Microsoft.Extensions.Configuration;

namespace HireVet.Benchmarks;

/// <summary>Start-up load of every dataset, the memory it keeps resident, and IP enrichment throughput on one core.</summary>
public static class ReferenceDataBenchmarks
{
    public static async Task<ReferenceSnapshot> RunAsync(Report report, bool includeIpLookups = true)
    {
        var options = new ReferenceDataOptions { NpmModules = Paths.NpmModules, SharedData = Paths.SharedData };
        var catalog = new ReferenceDataCatalog(options, new ConfigurationBuilder().Build(), TimeProvider.System);

        Collect();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var started = Stopwatch.GetTimestamp();
        var snapshot = await catalog.LoadAsync(CancellationToken.None);
        var loadSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        Collect();
        var residentMb = (GC.GetTotalMemory(forceFullCollection: true) - heapBefore) / 1024.0 / 1024.0;
        GC.KeepAlive(snapshot);

        var failed = snapshot.Datasets.Where(d => !d.IsLoaded).Select(d => d.Name).ToArray();
        report.Add("Start-up load of all reference data", $"{loadSeconds:F2} s", "≤ 5 s", loadSeconds <= 5,
            $"{snapshot.Datasets.Count(d => d.IsLoaded)} of {snapshot.Datasets.Count} datasets loaded (cold, in parallel on 2 cores)" +
            (failed.Length > 0 ? $"; not loaded: {string.Join(", ", failed)}" : ""));
        report.Add("Reference data resident (managed heap)", $"{residentMb:F0} MB", "≤ 400 MB", residentMb <= 400,
            "GC heap after load minus before, full collections");

        if (!includeIpLookups) return snapshot;
        var network = snapshot.Get<NetworkIntelligence>(Datasets.Network) ?? throw new InvalidOperationException("network data did not load");
        var random = new Random(20261121);
        var addresses = new uint[4_000_000];
        for (var i = 0; i < addresses.Length; i++) addresses[i] = (uint)random.NextInt64(0x0100_0000, 0xDFFF_FFFF);
        var ipObjects = addresses.Take(1_000_000).Select(a => new IPAddress([(byte)(a >> 24), (byte)(a >> 16), (byte)(a >> 8), (byte)a])).ToArray();

        var asnRate = Rate(() =>
        {
            var found = 0;
            foreach (var a in addresses) if (network.Asns.TryFind(a, out _, out _)) found++;
            return found;
        }, addresses.Length);
        report.Add("IP to ASN and organisation lookups, one core", $"{asnRate / 1e6:F1} M/s", "≥ 5 M/s", asnRate >= 5e6,
            "binary search over 412k IPv4 ranges, random public IPv4");

        var enrichRate = Rate(() =>
        {
            var hosting = 0;
            foreach (var ip in ipObjects) if (network.Enrich(ip).IsHosting) hosting++;
            return hosting;
        }, ipObjects.Length);
        report.Add("Full IP enrichment (ASN, country, hosting, VPN, DPRK), one core", $"{enrichRate / 1e6:F1} M/s", "≥ 5 M/s", enrichRate >= 5e6,
            "five lookups per address and one result object");
        return snapshot;
    }

    /// <summary>Best of five timed passes after a warm-up, single-threaded.</summary>
    private static double Rate(Func<int> pass, int operations)
    {
        pass();
        var best = double.MaxValue;
        for (var i = 0; i < 5; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var sink = pass();
            best = Math.Min(best, Stopwatch.GetElapsedTime(started).TotalSeconds);
            GC.KeepAlive(sink);
        }
        return operations / best;
    }

    private static void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}
