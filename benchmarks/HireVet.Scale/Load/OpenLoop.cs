using System.Diagnostics;
using System.Net;

namespace HireVet.Scale.Load;

/// <summary>An open-loop load generator: request i is due at start + i/rate whatever happened to the ones before
/// (a slow response does not delay the next send, so slow periods are not under-sampled), and its latency is counted
/// from when it was due, not from when it went out. A dedicated thread keeps the schedule (to the millisecond).</summary>
public static class OpenLoop
{
    public sealed record Sample(int Index, double DueSeconds, double LatencyMs, HttpStatusCode? Status, string? Error)
    {
        public bool Ok => Status is HttpStatusCode.OK or HttpStatusCode.Created;
    }

    /// <summary>Sends <paramref name="rate"/> requests a second until <paramref name="duration"/> has passed or
    /// <paramref name="stop"/> fires, then waits for every response.</summary>
    public static async Task<Sample[]> RunAsync(HttpClient client, Func<int, HttpRequestMessage> request, int rate, TimeSpan duration,
        CancellationToken stop = default)
    {
        var samples = new List<Task<Sample>>();
        var start = Stopwatch.GetTimestamp();
        var scheduler = new Thread(() =>
        {
            for (var i = 0; ; i++)
            {
                var due = (double)i / rate;
                if (due >= duration.TotalSeconds || stop.IsCancellationRequested) return;
                WaitUntil(start, due);
                var message = request(i);
                lock (samples) samples.Add(SendAsync(client, message, i, start, due));
            }
        }) { IsBackground = true, Priority = ThreadPriority.AboveNormal, Name = "open-loop schedule" };
        scheduler.Start();
        await Task.Run(scheduler.Join);
        Task<Sample>[] all;
        lock (samples) all = [.. samples];
        return await Task.WhenAll(all);
    }

    private static async Task<Sample> SendAsync(HttpClient client, HttpRequestMessage message, int index, long start, double due)
    {
        // Off the schedule thread at once: the send and everything after it run on the thread pool.
        await Task.Yield();
        try
        {
            using (message)
            using (var response = await client.SendAsync(message))
            {
                var body = await response.Content.ReadAsStringAsync();
                return new Sample(index, due, Since(start, due), response.StatusCode,
                    response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode} {body[..Math.Min(body.Length, 300)]}");
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return new Sample(index, due, Since(start, due), null, e.GetType().Name);
        }
    }

    private static double Since(long start, double due) => (Stopwatch.GetElapsedTime(start).TotalSeconds - due) * 1000;

    // Sleeps only, rounded up to the next millisecond: spinning out the last millisecond of every gap took a tenth of a
    // core from the app under test (perf). A request sent up to a millisecond late still counts from when it was due.
    private static void WaitUntil(long start, double due)
    {
        while (due - Stopwatch.GetElapsedTime(start).TotalSeconds is var left && left > 0)
            Thread.Sleep((int)Math.Ceiling(left * 1000));
    }
}
