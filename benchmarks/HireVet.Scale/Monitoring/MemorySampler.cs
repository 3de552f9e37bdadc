using System.Globalization;

namespace HireVet.Scale.Monitoring;

/// <summary>Samples memory once a second from /proc: the web app's resident set, and PostgreSQL's proportional set
/// size summed over its processes (shared buffers counted once, not once per backend). Keeps the peaks per phase.</summary>
public sealed class MemorySampler : IAsyncDisposable
{
    private readonly int _webPid;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly Lock _lock = new();
    private (double Web, double Postgres) _peak;

    public MemorySampler(int webPid)
    {
        _webPid = webPid;
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
        var postgres = PostgresPssMiB();
        lock (_lock) _peak = (Math.Max(_peak.Web, web), Math.Max(_peak.Postgres, postgres));
    }

    /// <summary>The peaks since the last call (a phase's peaks, with a sample taken now, so a phase shorter than the
    /// interval has one), and starts the next phase.</summary>
    public (double WebMiB, double PostgresMiB) TakePeaks()
    {
        Sample();
        lock (_lock)
        {
            var peak = _peak;
            _peak = (0, 0);
            return peak;
        }
    }

    private static double PostgresPssMiB()
    {
        double kib = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out _)) continue;
            try
            {
                if (File.ReadAllText(Path.Combine(dir, "comm")).Trim() != "postgres") continue;
                kib += Kib(Path.Combine(dir, "smaps_rollup"), "Pss:");
            }
            catch (IOException) { } // the process ended meanwhile
            catch (UnauthorizedAccessException) { }
        }
        return kib / 1024;
    }

    private static double Kib(string file, string field)
    {
        try
        {
            var line = File.ReadLines(file).FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
            return line is null ? 0 : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        }
        catch (IOException) { return 0; }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
