using System.Text;
using HireVet.Benchmarks;

// Benchmarks for the speed and memory targets. Run with ./hirevet bench; figures go to benchmarks/results/.
var outDir = args.SkipWhile(a => a != "--out").Skip(1).FirstOrDefault() ?? Path.Combine(Paths.RepositoryRoot, "benchmarks", "results");
Directory.CreateDirectory(outDir);
var report = new Report();

var snapshot = await ReferenceDataBenchmarks.RunAsync(report);
SanctionsBenchmarks.Run(report, snapshot);

var markdown = report.ToMarkdown();
var file = Path.Combine(outDir, "latest.md");
File.WriteAllText(file, markdown);
Console.WriteLine(markdown);
Console.WriteLine($"Written to {file}");
return report.AllMet ? 0 : 1;
