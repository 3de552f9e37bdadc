using System.Text;
using HireVet.Benchmarks;

// Benchmarks for the speed and memory targets. Run with ./hirevet bench; figures go to benchmarks/results/.
var outDir = args.SkipWhile(a => a != "--out").Skip(1).FirstOrDefault() ?? Path.Combine(Paths.RepositoryRoot, "benchmarks", "results");
Directory.CreateDirectory(outDir);
var report = new Report();
// "--only sanctions": load the reference data (with its start-up and memory figures) and screen names, no IP lookups.
var sanctionsOnly = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault() == "sanctions";

var snapshot = await ReferenceDataBenchmarks.RunAsync(report, includeIpLookups: !sanctionsOnly);
SanctionsBenchmarks.Run(report, snapshot);

var markdown = report.ToMarkdown();
var file = Path.Combine(outDir, sanctionsOnly ? "latest-sanctions.md" : "latest.md");
File.WriteAllText(file, markdown);
Console.WriteLine(markdown);
Console.WriteLine($"Written to {file}");
return report.AllMet ? 0 : 1;
