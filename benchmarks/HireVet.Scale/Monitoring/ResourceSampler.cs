using System.Globalization;

namespace HireVet.Scale.Monitoring;

/// <summary>Samples /proc once a second: the web app's resident set, and PostgreSQL's summed over its processes with
/// the shared buffers counted once, not once per backend; keeps the peaks per phase. Also counts
/// each phase's CPU time of the web app, of PostgreSQL (its processes, and the ones that ended, through the
/// postmaster's children's times) and of this benchmark, to tell where the time went.</summary>
public sealed class ResourceSampler : IAsyncDisposable
{
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux
    private readonly int _webPid;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly Lock _lock = new();
    private (double Web, double Postgres) _peak;
    private (double Web, double Postgres, double Bench) _cpuAtStart;

    public sealed record Phase(double WebMiB, double PostgresMiB, double WebCpuSeconds, double PostgresCpuSeconds, double BenchCpuSeconds)
    {
        /// <summary>Every report's CPU line for a phase of that wall time: each process's CPU seconds against the
        /// core-seconds the machine offered, e.g. "PostgreSQL 44.5 s, web app 32.8 s, this benchmark 7.3 s of 120
        /// core-seconds (70% of the machine)".</summary>
        public string CpuLine(double wallSeconds, string benchmark = "this benchmark")
        {
            var coreSeconds = wallSeconds * Environment.ProcessorCount;
            return string.Create(CultureInfo.InvariantCulture,
                $"PostgreSQL {PostgresCpuSeconds:0.0} s, web app {WebCpuSeconds:0.0} s, {benchmark} {BenchCpuSeconds:0.0} s of {coreSeconds:0} core-seconds " +
                $"({(PostgresCpuSeconds + WebCpuSeconds + BenchCpuSeconds) / coreSeconds:P0} of the machine)");
        }

        /// <summary>PostgreSQL's and the app's CPU per item of the phase (a submission, a candidate vetted).</summary>
        public string CpuPer(int items) => string.Create(CultureInfo.InvariantCulture,
            $"PostgreSQL {1000 * PostgresCpuSeconds / items:0.00} ms and the app {1000 * WebCpuSeconds / items:0.00} ms");
    }

    public ResourceSampler(int webPid)
    {
        _webPid = webPid;
        _cpuAtStart = Cpu();
        _loop = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                Sample();
                try { await Task.Delay(1000, _stop.Token); } catch (OperationCanceledException) { }
            }
        });
    }

    private void Sample()
    {
        var web = Kib($"/proc/{_webPid}/status", "VmRSS:") / 1024;
        // Shared memory (the buffers) is in every backend's resident set: counted once, at the largest any maps.
        // (PSS from smaps_rollup would be exact, but walking 6 GB of mappings per backend each second took a core.)
        var pids = PostgresProcesses().ToArray();
        var postgres = (pids.Sum(pid => Kib($"/proc/{pid}/status", "RssAnon:") + Kib($"/proc/{pid}/status", "RssFile:"))
            + pids.Select(pid => Kib($"/proc/{pid}/status", "RssShmem:")).DefaultIfEmpty(0).Max()) / 1024;
        lock (_lock) _peak = (Math.Max(_peak.Web, web), Math.Max(_peak.Postgres, postgres));
    }

    /// <summary>The phase since the last call (with a sample taken now, so a phase shorter than the interval has one),
    /// and starts the next one.</summary>
    public Phase TakePhase()
    {
        Sample();
        var cpu = Cpu();
        lock (_lock)
        {
            var phase = new Phase(_peak.Web, _peak.Postgres, cpu.Web - _cpuAtStart.Web, cpu.Postgres - _cpuAtStart.Postgres, cpu.Bench - _cpuAtStart.Bench);
            (_peak, _cpuAtStart) = ((0, 0), cpu);
            return phase;
        }
    }

    private (double Web, double Postgres, double Bench) Cpu()
    {
        var pids = PostgresProcesses().ToArray();
        // The postmaster is the postgres process whose parent is not one: its ended children count in its fields 16-17.
        var postgres = pids.Sum(pid => Times(pid, children: false))
            + pids.Where(pid => !pids.Contains(Parent(pid))).Sum(pid => Times(pid, children: true));
        return (Times(_webPid, children: false), postgres, Environment.ProcessId is var me ? Times(me, children: false) : 0);
    }

    private static IEnumerable<int> PostgresProcesses()
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            string comm;
            try { comm = File.ReadAllText(Path.Combine(dir, "comm")).Trim(); }
            catch (IOException) { continue; } // ended meanwhile
            if (comm == "postgres") yield return pid;
        }
    }

    /// <summary>/proc/PID/stat fields after the command: state is [0], ppid [1], utime [11], stime [12], cutime [13], cstime [14].</summary>
    private static string[] Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            return text[(text.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException) { return []; }
    }

    private static int Parent(int pid) => Stat(pid) is { Length: > 1 } f ? int.Parse(f[1], CultureInfo.InvariantCulture) : 0;

    private static double Times(int pid, bool children)
    {
        var f = Stat(pid);
        if (f.Length < 15) return 0;
        var (a, b) = children ? (13, 14) : (11, 12);
        return (long.Parse(f[a], CultureInfo.InvariantCulture) + long.Parse(f[b], CultureInfo.InvariantCulture)) / TicksPerSecond;
    }

    private static double Kib(string file, string field)
    {
        try
        {
            var line = File.ReadLines(file).FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
            return line is null ? 0 : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        }
        catch (IOException) { return 0; }
        catch (UnauthorizedAccessException) { return 0; }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
