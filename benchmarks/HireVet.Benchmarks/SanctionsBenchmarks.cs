using System.Diagnostics;
using HireVet.Application.ReferenceData;
using HireVet.Application.ReferenceData.Sanctions;
using HireVet.Infrastructure.ReferenceData.Sanctions;

namespace HireVet.Benchmarks;

/// <summary>Latency of screening one name against the full SDN list with aliases, one thread: p50 and p99 over a mix
/// of listed names (as written, reordered, upper-cased, in another romanisation) and ordinary names that mostly miss.</summary>
public static class SanctionsBenchmarks
{
    private static readonly string[] GivenNames =
        ["James", "Maria", "Wei", "Olga", "Ahmed", "Priya", "Juan", "Emily", "Min-jun", "Fatima", "Liam", "Chen", "Sofia", "Oleksandr", "Aisha", "Noah"];
    private static readonly string[] FamilyNames =
        ["Smith", "Garcia", "Wang", "Ivanova", "Hassan", "Patel", "Martinez", "Carter", "Park", "Khan", "Murphy", "Li", "Rossi", "Shevchenko", "Okafor", "Kim"];

    public static void Run(Report report, ReferenceSnapshot snapshot)
    {
        var index = snapshot.Get<SanctionsIndex>(Datasets.OfacSdn);
        if (index is null)
        {
            report.Add("Sanctions screening of one name", "not run", "p50 ≤ 0.5 ms, p99 ≤ 5 ms", false, snapshot.Unavailable(Datasets.OfacSdn));
            return;
        }
        var list = SdnAdvancedXml.ReadFile(SdnPath());
        var random = new Random(20261121);
        var listed = list.Entries.Where(e => e.Type == "individual").OrderBy(_ => random.Next()).Take(2_500).ToArray();
        var queries = new List<string>();
        foreach (var (entry, i) in listed.Select((e, i) => (e, i)))
        {
            var parts = entry.PrimaryName.Split(',', 2, StringSplitOptions.TrimEntries);
            queries.Add((i % 4) switch
            {
                0 => entry.PrimaryName,
                1 => parts.Length == 2 ? $"{parts[1]} {parts[0]}" : entry.PrimaryName,
                2 => entry.PrimaryName.ToUpperInvariant(),
                _ => entry.Aliases.FirstOrDefault() ?? entry.PrimaryName,
            });
        }
        for (var i = 0; i < 2_500; i++) queries.Add($"{GivenNames[random.Next(GivenNames.Length)]} {FamilyNames[random.Next(FamilyNames.Length)]}");
        var shuffled = queries.OrderBy(_ => random.Next()).ToArray();

        foreach (var q in shuffled.Take(500)) index.Screen(q); // warm-up
        var samples = new double[shuffled.Length];
        var hits = 0;
        for (var i = 0; i < shuffled.Length; i++)
        {
            var started = Stopwatch.GetTimestamp();
            hits += index.Screen(shuffled[i], "1980-01-01", "US").Count > 0 ? 1 : 0;
            samples[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
        Array.Sort(samples);
        double P(double q) => samples[(int)Math.Min(samples.Length - 1, Math.Ceiling(q * samples.Length) - 1)];
        var (p50, p99) = (P(0.50), P(0.99));
        report.Add("Sanctions screening of one name against the full SDN list with aliases, one thread",
            $"p50 {p50:F3} ms, p99 {p99:F3} ms, max {samples[^1]:F2} ms", "p50 ≤ 0.5 ms, p99 ≤ 5 ms", p50 <= 0.5 && p99 <= 5,
            $"{samples.Length:N0} names: half listed individuals (as written, reordered, upper-case, an alias), half ordinary names; " +
            $"{index.EntryCount:N0} entries, {index.NameCount:N0} names indexed; {hits:N0} queries hit");
    }

    private static string SdnPath()
    {
        var plain = Path.Combine(Paths.SharedData, "ofac", "sdn_advanced.xml");
        return File.Exists(plain) ? plain : plain + ".gz";
    }
}
