namespace HireVet.Scale.Load;

/// <summary>Latency percentiles (nearest rank) of the requests that were answered, and how many failed.</summary>
public sealed record Latency(int Requests, int Errors, double P50, double P95, double P99, double Max, double AchievedRate)
{
    /// <summary>The commonest failures with how often each happened (the first 120 characters of each).</summary>
    public IReadOnlyList<(string Error, int Count)> TopErrors { get; init; } = [];

    public static Latency Of(IReadOnlyList<OpenLoop.Sample> samples, double seconds)
    {
        var ms = samples.Select(s => s.LatencyMs).Order().ToArray();
        return new Latency(samples.Count, samples.Count(s => !s.Ok),
            Percentile(ms, 50), Percentile(ms, 95), Percentile(ms, 99), ms.Length == 0 ? 0 : ms[^1], seconds > 0 ? samples.Count / seconds : 0)
        {
            TopErrors = [.. samples.Where(s => !s.Ok).GroupBy(s => s.Error![..Math.Min(s.Error!.Length, 120)])
                .OrderByDescending(g => g.Count()).Take(5).Select(g => (g.Key, g.Count()))],
        };
    }

    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];

    public static string Summary(double[] values)
    {
        if (values.Length == 0) return "none logged";
        var sorted = values.Order().ToArray();
        return $"n={sorted.Length}, p50 {Percentile(sorted, 50):0.0} ms, p95 {Percentile(sorted, 95):0.0} ms, p99 {Percentile(sorted, 99):0.0} ms, max {sorted[^1]:0.0} ms";
    }
}
