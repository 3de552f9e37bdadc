using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace HireVet.Scale.Load;

/// <summary>The bulk path, written against its contract: POST /api/candidates/bulk with one dossier a line
/// (application/x-ndjson, policy hr); the server validates, stores and vets in batches before it answers
/// {received, created, revised, unchanged, rejected, vetted, lines}. Wall time from the first byte sent to the last
/// answer gives vetted candidates a second, after an import of <see cref="Options.BulkWarmup"/> dossiers that is not
/// measured. Meanwhile POST /api/candidates runs at the usual rate, to show what the
/// import does to interactive submissions. A 404 (or 405) means this build has no bulk endpoint.</summary>
public static class BulkScenario
{
    public sealed record Counts
    {
        public int Received { get; init; }
        public int Created { get; init; }
        public int Revised { get; init; }
        public int Unchanged { get; init; }
        public int Rejected { get; init; }
        public int Vetted { get; init; }
    }

    public sealed record Result(bool Available, string? Unavailable, int Sent, int SharingWithStored, Counts Totals, double Seconds,
        Latency? Concurrent, IReadOnlyDictionary<string, double[]> HandlerTimes,
        IReadOnlyList<WebProcess.SpanSummary>? Spans = null, Monitoring.ResourceSampler.Phase? Cpu = null)
    {
        public double VettedPerSecond => Seconds > 0 ? Totals.Vetted / Seconds : 0;
    }

    public static async Task<Result> RunAsync(HttpClient client, HttpClient bulkClient, WebProcess web, LoadDossiers dossiers, Options options, Action<string> log)
    {
        // An empty import first: a build without the endpoint answers before reading a body, and would cut a long
        // body off mid-stream (a broken pipe instead of its 404 or 405).
        using (var probe = new HttpRequestMessage(HttpMethod.Post, "/api/candidates/bulk") { Content = new NdjsonContent([]) })
        using (var answer = await bulkClient.SendAsync(probe))
            if (answer.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed)
            {
                var reason = $"POST /api/candidates/bulk answered {(int)answer.StatusCode}: not available in this build";
                log($"bulk path: {reason}");
                return new Result(false, reason, 0, 0, new Counts(), 0, null, new Dictionary<string, double[]>());
            }

        // The warm-up import, not measured: a fresh process spends the first thousands of candidates compiling the
        // import path (in a cold run the JIT's tiering thread took a third of the app's CPU).
        if (options.BulkWarmup > 0)
        {
            var warmupStarted = Stopwatch.GetTimestamp();
            using var warmup = new HttpRequestMessage(HttpMethod.Post, "/api/candidates/bulk")
                { Content = new NdjsonContent([.. Enumerable.Range(0, options.BulkWarmup).Select(_ => dossiers.Next())]) };
            using var answer = await bulkClient.SendAsync(warmup, HttpCompletionOption.ResponseContentRead);
            if (!answer.IsSuccessStatusCode)
                throw new InvalidOperationException($"The warm-up import answered {(int)answer.StatusCode}: {await answer.Content.ReadAsStringAsync()}");
            log($"bulk: warm-up import of {options.BulkWarmup:N0} dossiers in {Stopwatch.GetElapsedTime(warmupStarted).TotalSeconds:0.0} s (not measured)");
        }

        var sharedBefore = dossiers.SharingWithStored;
        var lines = Enumerable.Range(0, options.BulkCount).Select(_ => dossiers.Next()).ToArray();
        var sharing = dossiers.SharingWithStored - sharedBefore;

        using var importDone = new CancellationTokenSource();
        await using var resources = new Monitoring.ResourceSampler(web.ProcessId);
        var started = Stopwatch.GetTimestamp();
        // At most an hour of concurrent load; it stops as soon as the import has answered.
        var concurrent = OpenLoop.RunAsync(client, _ => PostScenario.Request(dossiers.Next()), options.Rate, TimeSpan.FromHours(1), importDone.Token);
        log($"bulk: sending {lines.Length:N0} dossiers in requests of {options.BulkRequestLines:N0} lines, with POST at {options.Rate}/s alongside");

        var totals = new Counts();
        string? unavailable = null;
        foreach (var batch in lines.Chunk(options.BulkRequestLines))
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/candidates/bulk") { Content = new NdjsonContent(batch) };
            using var response = await bulkClient.SendAsync(request, HttpCompletionOption.ResponseContentRead);
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed)
            {
                unavailable = $"POST /api/candidates/bulk answered {(int)response.StatusCode}: not available in this build";
                break;
            }
            if (!response.IsSuccessStatusCode)
                throw new InvalidOperationException($"POST /api/candidates/bulk answered {(int)response.StatusCode}: {body[..Math.Min(body.Length, 500)]}");
            var counts = JsonSerializer.Deserialize<Counts>(body, JsonSerializerOptions.Web)!;
            totals = new Counts
            {
                Received = totals.Received + counts.Received, Created = totals.Created + counts.Created, Revised = totals.Revised + counts.Revised,
                Unchanged = totals.Unchanged + counts.Unchanged, Rejected = totals.Rejected + counts.Rejected, Vetted = totals.Vetted + counts.Vetted,
            };
            log($"bulk: {totals.Received:N0} received, {totals.Vetted:N0} vetted after {Stopwatch.GetElapsedTime(started).TotalSeconds:0} s");
        }
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var ended = Stopwatch.GetTimestamp();
        var cpu = resources.TakePhase();
        await importDone.CancelAsync();
        var samples = await concurrent;
        if (unavailable is not null)
        {
            log($"bulk path: not available in this build ({unavailable})");
            return new Result(false, unavailable, 0, 0, totals, 0, null, new Dictionary<string, double[]>());
        }
        var latency = Latency.Of(samples, seconds);
        log($"bulk: {totals.Vetted:N0} vetted in {seconds:0.0} s = {totals.Vetted / seconds:0} a second; concurrent POST p99 {latency.P99:0.0} ms");
        await Task.Delay(TimeSpan.FromSeconds(1)); // the last batch's spans reach the receiver
        return new Result(true, null, lines.Length, sharing, totals, seconds, latency, web.HandlerTimes(started, ended), web.TimeTable(started, ended), cpu);
    }
}
