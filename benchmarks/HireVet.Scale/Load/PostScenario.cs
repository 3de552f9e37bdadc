using System.Diagnostics;
using System.Net.Http.Headers;

namespace HireVet.Scale.Load;

/// <summary>POST /api/candidates at a fixed rate against the seeded database while Hangfire vets every submission in the
/// background: a warm-up that is not counted, then the measured window.</summary>
public static class PostScenario
{
    public sealed record Result(Latency Latency, double Seconds, long CompletedBefore, long CompletedAfter, long AssessedInWindow,
        long PendingAfter, int SharingWithStored, IReadOnlyDictionary<string, double[]> HandlerTimes,
        (TimeSpan Elapsed, bool Drained, long Left) Drain, long AssessedInDrain, string LoadBefore, string LoadAfter, Calibration Light,
        IReadOnlyList<(string State, double Sessions)> DatabaseSessions, IReadOnlyList<WebProcess.SpanSummary> Spans,
        Monitoring.ResourceSampler.Phase Cpu, IReadOnlyList<(int Second, long Pending)> PendingOverWindow);

    /// <summary>The same requests at a light rate first: what one request costs when nothing queues.</summary>
    public sealed record Calibration(int Rate, Latency Latency, IReadOnlyDictionary<string, double[]> HandlerTimes,
        IReadOnlyList<WebProcess.SpanSummary> Spans);

    private const int LightRate = 5;
    private const int LightSeconds = 20;

    /// <summary>How many dossiers a run sends: the light phase, the warm-up and the window.</summary>
    public static int Needed(Options options) => LightRate * LightSeconds + options.Rate * (options.WarmupSeconds + options.Seconds);

    public static HttpRequestMessage Request(byte[] body) => new(HttpMethod.Post, "/api/candidates")
    {
        Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
    };

    public static async Task<Result> RunAsync(HttpClient client, WebProcess web, LoadDossiers dossiers, VettingProgress progress, string connectionString,
        Options options, Action<string> log)
    {
        var light = Enumerable.Range(0, LightRate * LightSeconds).Select(_ => dossiers.Next()).ToArray();
        var warmup = Enumerable.Range(0, options.Rate * options.WarmupSeconds).Select(_ => dossiers.Next()).ToArray();
        var sharedBefore = dossiers.SharingWithStored;
        var measured = Enumerable.Range(0, options.Rate * options.Seconds).Select(_ => dossiers.Next()).ToArray();
        var sharing = dossiers.SharingWithStored - sharedBefore;

        log($"light load: {LightRate} requests/s for {LightSeconds} s");
        var lightFrom = Stopwatch.GetTimestamp();
        var lightSamples = await OpenLoop.RunAsync(client, i => Request(light[i]), LightRate, TimeSpan.FromSeconds(LightSeconds));
        var lightTo = Stopwatch.GetTimestamp();
        await Task.Delay(TimeSpan.FromSeconds(1)); // the window's last spans reach the receiver
        var calibration = new Calibration(LightRate, Latency.Of(lightSamples, LightSeconds), web.HandlerTimes(lightFrom, lightTo), web.TimeTable(lightFrom, lightTo));
        log($"light load: p50 {calibration.Latency.P50:0.0} ms, p99 {calibration.Latency.P99:0.0} ms");

        log($"warm-up: {options.Rate} requests/s for {options.WarmupSeconds} s");
        await OpenLoop.RunAsync(client, i => Request(warmup[i]), options.Rate, TimeSpan.FromSeconds(options.WarmupSeconds));

        var completedBefore = await progress.CompletedAsync();
        var loadBefore = Reporting.Machine.LoadAverage();
        var from = DateTimeOffset.UtcNow;
        var started = Stopwatch.GetTimestamp();
        log($"measuring: {options.Rate} requests/s for {options.Seconds} s");
        await using var resources = new Monitoring.ResourceSampler(web.ProcessId);
        await using var sessions = DbWaitSampler.Start(connectionString);
        var pendingOverWindow = SamplePendingAsync(progress, started, options.Seconds);
        var samples = await OpenLoop.RunAsync(client, i => Request(measured[i]), options.Rate, TimeSpan.FromSeconds(options.Seconds));
        var databaseSessions = await sessions.StopAsync();
        var cpu = resources.TakePhase();
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var ended = Stopwatch.GetTimestamp();
        var to = DateTimeOffset.UtcNow;
        var loadAfter = Reporting.Machine.LoadAverage();
        var completedAfter = await progress.CompletedAsync();
        var assessed = await progress.AssessedBetweenAsync(from, to);
        var pending = await progress.PendingAsync();
        var latency = Latency.Of(samples, options.Seconds);
        log($"POST: p50 {latency.P50:0.0} ms, p95 {latency.P95:0.0} ms, p99 {latency.P99:0.0} ms, max {latency.Max:0.0} ms, " +
            $"{latency.Errors} errors; {assessed} vettings done in the window, {pending} pending after it");
        foreach (var (error, times) in latency.TopErrors) log($"  {times} × {error}");

        log($"waiting up to {options.DrainSeconds} s for the vetting backlog ({pending}) to drain");
        var drainFrom = DateTimeOffset.UtcNow;
        var drain = await progress.DrainAsync(TimeSpan.FromSeconds(options.DrainSeconds));
        var assessedInDrain = await progress.AssessedBetweenAsync(drainFrom, DateTimeOffset.UtcNow);
        return new Result(latency, seconds, completedBefore, completedAfter, assessed, pending, sharing, web.HandlerTimes(started, ended), drain, assessedInDrain,
            loadBefore, loadAfter, calibration, databaseSessions, web.TimeTable(started, ended), cpu, await pendingOverWindow);
    }

    /// <summary>The pending count every 10 s of the window, to show whether the backlog stays flat or grows.</summary>
    private static async Task<IReadOnlyList<(int Second, long Pending)>> SamplePendingAsync(VettingProgress progress, long started, int seconds)
    {
        var samples = new List<(int, long)>();
        for (var second = 10; second <= seconds; second += 10)
        {
            var due = TimeSpan.FromSeconds(second) - Stopwatch.GetElapsedTime(started);
            if (due > TimeSpan.Zero) await Task.Delay(due);
            samples.Add((second, await progress.PendingAsync()));
        }
        return samples;
    }
}
