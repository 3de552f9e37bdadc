using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using HireVet.Application.Checks.Sanctions;
using HireVet.Application.ReferenceData.Sanctions;
using HireVet.Infrastructure.ReferenceData.Sanctions;
using HireVet.Quality.Running;

namespace HireVet.Quality.Sanctions;

/// <summary>
/// Sanctions screening measured against the cases peers publish for their own matchers (moov-io/watchman,
/// opensanctions/nomenklatura, opensanctions/yente) plus HireVet's own variants, all in Sanctions/cases/*.tsv.
/// Every case is screened the way <see cref="SanctionsScreeningCheck"/> screens a field (the same index, the same
/// subject filter, the same grading), so the figures are the check's. Needs no database.
/// </summary>
public static class SanctionsEvaluation
{
    public const double RecallTarget = 0.85;
    public const double FalseHitTarget = 0.02;
    public const double P50TargetMs = 0.5;
    public const double P99TargetMs = 5;
    private const int LatencyRounds = 20;

    public static string CasesDirectory => Path.Combine(Paths.RepositoryRoot, "benchmarks", "HireVet.Quality", "Sanctions", "cases");

    public static string SdnPath
    {
        get
        {
            var plain = Path.Combine(Paths.SharedData, "ofac", "sdn_advanced.xml");
            return File.Exists(plain) ? plain : plain + ".gz";
        }
    }

    /// <summary>One labelled query. Expect is match (the intended entry must be among the hits), no-match (the entry,
    /// or with SdnId "*" any entry, must not be) or name-only (a common name: any hit must be graded name-only).</summary>
    public sealed record Case(string Source, string Origin, string Query, string Type, string? Dob, string? Country, string Expect, string SdnId, string SdnName);

    public sealed record Outcome(Case Case, IReadOnlyList<SanctionsHit> Hits, IReadOnlyList<SanctionsScreeningCheck.Grade> Grades)
    {
        public bool Passed => Case.Expect switch
        {
            "match" => Hits.Any(h => h.Entry.ProfileId.ToString(CultureInfo.InvariantCulture) == Case.SdnId),
            "no-match" => !Hits.Any(IsTarget),
            _ => Grades.All(g => g.Kind != SanctionsScreeningCheck.Confirmed),
        };

        public bool PersonOnVessel => Case.Type == "person" && Hits.Any(h => h.Entry.Type is "vessel" or "aircraft");

        private bool IsTarget(SanctionsHit hit) => Case.SdnId == "*" || hit.Entry.ProfileId.ToString(CultureInfo.InvariantCulture) == Case.SdnId;
    }

    public sealed record SourceFigures(string Source, int Matches, int Found, int NoMatches, int FalseHits, int PersonQueries, int PersonOnVessel,
        int CommonNames, int CommonHit, int CommonGradedNameOnly, double P50, double P99, double RawP99)
    {
        public double Recall => Matches == 0 ? 1 : (double)Found / Matches;
        public double FalseHitRate => NoMatches == 0 ? 0 : (double)FalseHits / NoMatches;
    }

    public sealed record Result(string DateOfIssue, int Entries, int Names, TimeSpan Load, IReadOnlyList<Outcome> Outcomes,
        IReadOnlyList<SourceFigures> Sources, SourceFigures Total, IReadOnlyList<string> Headers)
    {
        public IReadOnlyList<(string Query, double Ms)> Slowest { get; init; } = [];

        /// <summary>Of <see cref="Load"/>, the time spent building the name index (the rest parses the XML).</summary>
        public TimeSpan Indexing { get; init; }

        /// <summary>Garbage collections while the latencies were measured (their pauses land in single samples).</summary>
        public string GarbageCollection { get; init; } = "";

        public bool RecallMet => Total.Recall >= RecallTarget;
        public bool FalseHitsMet => Total.FalseHitRate <= FalseHitTarget;
        public bool VesselsMet => Total.PersonOnVessel == 0;
        public bool CommonNamesMet => Total.CommonGradedNameOnly == Total.CommonHit;
        public bool LatencyMet => Total.P50 <= P50TargetMs && Total.P99 <= P99TargetMs;
    }

    /// <summary>Loads the SDN list as the app's reference-data catalogue does and evaluates every case file.</summary>
    public static Result Run()
    {
        var started = Stopwatch.StartNew();
        var list = SdnAdvancedXml.ReadFile(SdnPath);
        var parsed = started.Elapsed;
        var index = SanctionsIndex.Build(list);
        var loaded = started.Elapsed;
        return Evaluate(index, list.DateOfIssue, loaded) with { Indexing = loaded - parsed };
    }

    public static Result Evaluate(SanctionsIndex index, string dateOfIssue, TimeSpan load)
    {
        var headers = new List<string>();
        var cases = Directory.GetFiles(CasesDirectory, "*.tsv").Order(StringComparer.Ordinal)
            .SelectMany(file => ReadCases(file, headers)).ToList();

        var outcomes = cases.Select(c => Screen(index, c)).ToList();
        var latencies = cases.ToDictionary(c => c, c => new List<double>());
        // Measure screening, not the collection of what parsing the XML left behind.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var (collections, paused) = (GC.CollectionCount(0), GC.GetTotalPauseDuration());
        for (var round = 0; round < LatencyRounds; round++)
        {
            foreach (var c in cases)
            {
                var at = Stopwatch.GetTimestamp();
                index.Screen(c.Query, c.Dob, c.Country, subject: Subject(c.Type));
                latencies[c].Add(Stopwatch.GetElapsedTime(at).TotalMilliseconds);
            }
        }

        var sources = outcomes.GroupBy(o => o.Case.Source).Select(g => Figures(g.Key, [.. g], latencies)).ToList();
        var gc = $"{GC.CollectionCount(0) - collections} collections pausing {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds:0} ms in all";
        var slowest = latencies.Select(l => (l.Key.Query, Ms: l.Value.Order().ElementAt(l.Value.Count / 2))).DistinctBy(l => l.Query)
            .OrderByDescending(l => l.Ms).Take(5).ToList();
        return new Result(dateOfIssue, index.EntryCount, index.NameCount, load, outcomes, sources, Figures("all sources", outcomes, latencies), headers)
        {
            Slowest = slowest,
            GarbageCollection = gc,
        };
    }

    public static Outcome Screen(SanctionsIndex index, Case c)
    {
        var hits = index.Screen(c.Query, c.Dob, c.Country, subject: Subject(c.Type));
        return new Outcome(c, hits, [.. hits.Select(SanctionsScreeningCheck.GradeOf)]);
    }

    private static SanctionsSubject Subject(string type) => type switch
    {
        "person" => SanctionsScreeningCheck.SubjectOf("legal name"),
        "organisation" => SanctionsScreeningCheck.SubjectOf("previous employer"),
        _ => SanctionsScreeningCheck.SubjectOf("payroll account holder"),
    };

    private static SourceFigures Figures(string source, IReadOnlyList<Outcome> outcomes, Dictionary<Case, List<double>> latencies)
    {
        // Each case's median over the rounds: on a machine shared with other work (load average far above the core
        // count), single samples measure the scheduler's time slices; the raw p99 is reported beside it.
        var samples = outcomes.Select(o => Median(latencies[o.Case])).Order().ToArray();
        var raw = outcomes.SelectMany(o => latencies[o.Case]).Order().ToArray();
        double P(double[] sorted, double q) => sorted.Length == 0 ? 0 : sorted[(int)Math.Min(sorted.Length - 1, Math.Ceiling(q * sorted.Length) - 1)];
        var matches = outcomes.Where(o => o.Case.Expect == "match").ToList();
        var noMatches = outcomes.Where(o => o.Case.Expect == "no-match").ToList();
        var common = outcomes.Where(o => o.Case.Expect == "name-only").ToList();
        return new SourceFigures(source,
            matches.Count, matches.Count(o => o.Passed),
            noMatches.Count, noMatches.Count(o => !o.Passed),
            outcomes.Count(o => o.Case.Type == "person"), outcomes.Count(o => o.PersonOnVessel),
            common.Count, common.Count(o => o.Hits.Count > 0), common.Count(o => o.Hits.Count > 0 && o.Passed),
            P(samples, 0.50), P(samples, 0.99), P(raw, 0.99));
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static IEnumerable<Case> ReadCases(string file, List<string> headers)
    {
        var source = Path.GetFileNameWithoutExtension(file);
        string[]? columns = null;
        foreach (var line in File.ReadLines(file))
        {
            if (line.StartsWith('#'))
            {
                headers.Add($"{source}: {line.TrimStart('#', ' ')}");
                continue;
            }

            if (line.Length == 0) continue;
            var cells = line.Split('\t');
            if (columns is null)
            {
                columns = cells;
                continue;
            }

            string Cell(string name) => cells[Array.IndexOf(columns, name)];
            string? Optional(string name) => Cell(name) is { Length: > 0 } value ? value : null;
            yield return new Case(source, Cell("origin"), Cell("query"), Cell("type"), Optional("dob"), Optional("country"),
                Cell("expect"), Cell("sdn_id"), Cell("sdn_name"));
        }
    }

    /// <summary>The report section, shared by <c>--sanctions-only</c> (benchmarks/results/sanctions.md) and the full quality report.</summary>
    public static string ToMarkdown(Result result, int headingLevel = 1)
    {
        var h = new string('#', headingLevel);
        var md = new StringBuilder();
        md.AppendLine($"{h} Sanctions screening against the peers' published test cases, {DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)}");
        md.AppendLine();
        md.AppendLine($"Command: `dotnet run -c Release --project benchmarks/HireVet.Quality -- --sanctions-only` (also a section of `./hirevet quality`). " +
                      $"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}. " +
                      $"OFAC SDN list of {result.DateOfIssue}: {result.Entries:N0} entries, {result.Names:N0} names indexed, parsed and indexed in {result.Load.TotalSeconds:0.0} s (of which the index {result.Indexing.TotalSeconds:0.0} s). " +
                      "Each case is screened as `SanctionsScreeningCheck` screens a field (a person as a legal name: individuals only; an organisation as an employer: entities only; " +
                      "other cases as a payee: individuals and entities) and every hit graded as the check grades it. " +
                      $"Latency: every case screened {LatencyRounds} times, one thread; p50 and p99 over the cases' medians (single screens include " +
                      $"other processes' time slices on a shared machine: load average {LoadAverage()} on {Environment.ProcessorCount} cores at the start).");
        md.AppendLine();
        md.AppendLine("| target | measured | goal | met |");
        md.AppendLine("|---|---|---|---|");
        var t = result.Total;
        Row(md, "Expected matches found with the intended SDN entry", $"{Pct(t.Recall)} ({t.Found} of {t.Matches})", $"≥ {Pct(RecallTarget)}", result.RecallMet);
        Row(md, "False hits on must-not-match names", $"{Pct(t.FalseHitRate)} ({t.FalseHits} of {t.NoMatches})", $"≤ {Pct(FalseHitTarget)}", result.FalseHitsMet);
        Row(md, "Person queries matched to a vessel or aircraft", $"{t.PersonOnVessel} of {t.PersonQueries}", "0", result.VesselsMet);
        Row(md, "Common names that hit, graded name-only (review) rather than confirmed", $"{t.CommonGradedNameOnly} of {t.CommonHit} ({t.CommonNames} common names screened)", "all", result.CommonNamesMet);
        Row(md, "Screening latency (each case's median of the rounds)", $"p50 {t.P50:0.000} ms, p99 {t.P99:0.000} ms (single screens: p99 {t.RawP99:0.000} ms)", $"p50 ≤ {P50TargetMs} ms, p99 ≤ {P99TargetMs} ms", result.LatencyMet);
        md.AppendLine();
        md.AppendLine("| source | expected matches | found (recall) | must not match | false hits | persons on vessels | common names hit → name-only | p50 ms | p99 ms |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var s in result.Sources.Append(t))
            md.AppendLine($"| {s.Source} | {s.Matches} | {s.Found} ({Pct(s.Recall)}) | {s.NoMatches} | {s.FalseHits} ({Pct(s.FalseHitRate)}) | {s.PersonOnVessel} of {s.PersonQueries} | " +
                          $"{s.CommonGradedNameOnly} of {s.CommonHit} | {s.P50:0.000} | {s.P99:0.000} |");
        md.AppendLine();
        md.AppendLine("Where the cases come from (the first line of each file):");
        md.AppendLine();
        foreach (var header in result.Headers) md.AppendLine($"- {header}");
        md.AppendLine();
        md.AppendLine($"While measuring latency: {result.GarbageCollection}.");
        md.AppendLine();
        md.AppendLine("Slowest cases (median of the rounds): " + string.Join("; ", result.Slowest.Select(s => $"{Escape(s.Query)} {s.Ms:0.000} ms")) + ".");
        md.AppendLine();
        var failed = result.Outcomes.Where(o => !o.Passed).ToList();
        md.AppendLine($"Cases not passed ({failed.Count}):");
        md.AppendLine();
        md.AppendLine("| source | query | expected | intended entry | got | origin |");
        md.AppendLine("|---|---|---|---|---|---|");
        foreach (var o in failed)
        {
            var got = o.Hits.Count == 0 ? "no hit" : string.Join("; ", o.Hits.Zip(o.Grades).Take(3).Select(p =>
                $"{p.First.Entry.ProfileId} {p.First.MatchedName} ({p.First.Entry.Type}, {p.First.NameScore:0.00}, {p.Second.Kind})"));
            md.AppendLine($"| {o.Case.Source} | {Escape(o.Case.Query)} | {o.Case.Expect} | {o.Case.SdnId} {Escape(o.Case.SdnName)} | {Escape(got)} | {o.Case.Origin} |");
        }

        md.AppendLine();
        return md.ToString();
    }

    public static IEnumerable<string> Missed(Result result)
    {
        if (!result.RecallMet) yield return $"MISSED: sanctions recall {Pct(result.Total.Recall)} (target ≥ {Pct(RecallTarget)})";
        if (!result.FalseHitsMet) yield return $"MISSED: sanctions false hits {Pct(result.Total.FalseHitRate)} (target ≤ {Pct(FalseHitTarget)})";
        if (!result.VesselsMet) yield return $"MISSED: {result.Total.PersonOnVessel} person queries matched to vessels or aircraft (target 0)";
        if (!result.CommonNamesMet) yield return "MISSED: a common name's name-only hit was graded as confirmed";
        if (!result.LatencyMet) yield return $"MISSED: sanctions screening p50 {result.Total.P50:0.000} ms / p99 {result.Total.P99:0.000} ms";
    }

    /// <summary>`--sanctions-only`: evaluate, write benchmarks/results/sanctions.md and print it.</summary>
    public static int RunStandalone(string[] args)
    {
        var explain = Array.IndexOf(args, "--explain");
        if (explain >= 0 && explain + 1 < args.Length)
        {
            // One name screened as a person and as an organisation, with every hit's reasons.
            var list = SdnAdvancedXml.ReadFile(SdnPath);
            var built = Stopwatch.StartNew();
            var index = SanctionsIndex.Build(list);
            var first = built.Elapsed;
            built.Restart();
            SanctionsIndex.Build(list);
            Console.WriteLine($"index built in {first.TotalSeconds:0.00} s (again, warm: {built.Elapsed.TotalSeconds:0.00} s)");
            foreach (var subject in new[] { SanctionsSubject.Person, SanctionsSubject.Organisation })
            foreach (var hit in index.Screen(args[explain + 1], subject: subject))
                Console.WriteLine($"{subject}: {hit.Entry.ProfileId} {hit.Entry.Type} {hit.MatchedName} {hit.NameScore:0.000} | {string.Join(" | ", hit.Reasons)}");
            return 0;
        }

        var result = Run();
        string? output = null;
        var markdown = ToMarkdown(result);
        output ??= Path.Combine(Paths.Results, "sanctions.md");
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        File.WriteAllText(output, markdown);
        Console.WriteLine(markdown);
        foreach (var missed in Missed(result)) Console.WriteLine(missed);
        Console.WriteLine($"Written to {output}");
        return 0;
    }

    private static void Row(StringBuilder md, string target, string measured, string goal, bool met) =>
        md.AppendLine($"| {target} | {measured} | {goal} | {(met ? "yes" : "**MISSED**")} |");

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";

    private static string Pct(double share) => share.ToString("0.0%", CultureInfo.InvariantCulture);

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
