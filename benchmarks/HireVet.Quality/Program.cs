using System.Diagnostics;
using HireVet.Application.Dossiers;
using HireVet.Application.ReferenceData;
using HireVet.Application.ReferenceData.Network;
using HireVet.Application.ReferenceData.Sanctions;
using HireVet.Application.Vetting.Scoring;
using HireVet.Quality;
using HireVet.Quality.Corpus;
using HireVet.Quality.Evaluation;
using HireVet.Quality.Running;
using HireVet.Quality.Sanctions;

// Quality benchmark: a generated, labelled corpus of honest candidates (with the hard cases) and fraud rings (from the
// documented tactics) goes through the real submit and vet pipeline on a private PostgreSQL; the report compares bands
// with the labels. It is a report: targets not met are printed as MISSED, and the exit code stays 0 unless the run fails.
if (args.Contains("--sanctions-only")) return SanctionsEvaluation.RunStandalone(args);

Options options;
try { options = Options.Parse(args); }
catch (Exception e) when (e is ArgumentException or FormatException) { Console.Error.WriteLine(e.Message); return 2; }

void Log(string message) => Console.Error.WriteLine($"quality: {message}");
var total = Stopwatch.StartNew();
var timings = new List<(string, TimeSpan)>();
using var cluster = new PrivateCluster();
try
{
    var step = Stopwatch.StartNew();
    using var host = await VettingHost.StartAsync(await cluster.CreateDatabaseAsync("hirevet_quality"));
    var snapshot = await host.ReferenceDataAsync();
    var referenceData = snapshot.Datasets.Select(d => $"{d.Name} {d.Status}").ToArray();
    var network = snapshot.Get<NetworkIntelligence>(Datasets.Network)
        ?? throw new InvalidOperationException($"The network reference data did not load: {snapshot.Unavailable(Datasets.Network)}");
    timings.Add(("start PostgreSQL, migrate, load reference data", step.Elapsed));

    step.Restart();
    var now = new DateTimeOffset(options.Date.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
    var corpus = CorpusBuilder.Build(options.Seed, options.Honest, options.Rings, network, snapshot.Get<SanctionsIndex>(Datasets.OfacSdn), now);
    timings.Add(($"generate {corpus.Count} dossiers", step.Elapsed));
    Log($"generated {corpus.Count(c => !c.IsRingMember)} honest candidates and {corpus.Count(c => c.IsRingMember)} ring members");

    var run = await host.RunAsync([.. corpus.Select(c => c.Dossier)], Log);
    timings.Add(("submit (SubmitCandidate)", run.Submit));
    timings.Add(($"vet ({run.Vettings} VetCandidates, {run.Vettings / run.Vet.TotalSeconds:0} a second)", run.Vet));
    var scored = Scored.Join(corpus, run.Results);
    var metrics = Metrics.Of(scored);
    if (options.DumpTo is { } dumpTo) Dump.Write(dumpTo, scored);

    var fairness = await FairnessCheck.RunAsync(cluster, scored, options.FairnessPairs, options.Seed, Log);
    timings.Add(($"fairness clones ({fairness.Pairs.Count} pairs)", fairness.Elapsed));

    step.Restart();
    var resumes = ResumeSimilarity.Of(corpus);
    timings.Add(("resume similarity (all honest pairs)", step.Elapsed));

    // Tuning scenarios: the stored signals re-weighed (and, for the check changes, filtered) without vetting again.
    var scenarios = Scenario.Defaults(Ruleset.Embedded)
        .Concat(options.WhatIf.Select(path => new Scenario(Path.GetFileName(path), "ruleset file", Ruleset.Parse(File.ReadAllText(path)))))
        .Concat(options.WhatIfWeights.Select(patch => new Scenario(patch, "weights only", Scenario.Patch(Ruleset.Embedded, patch))))
        .Select(scenario =>
        {
            var rows = scenario.Apply(scored);
            var differing = fairness.Pairs.Select(p => scenario.Apply(p, rows)).Where(p => p.Original.Band != p.Swapped.Band)
                .Select(p => $"{p.Original.Label.ExternalId} ({p.Original.Band} → {p.Swapped.Band})").ToArray();
            return new QualityReport.Measured(scenario, Metrics.Of(rows), differing) { Rows = rows };
        })
        .ToArray();
    timings.Add(("total", total.Elapsed));

    var report = new QualityReport
    {
        // Vetting uses the shipped ruleset while none is active in the database, and none is activated here.
        Options = options, Ruleset = Ruleset.Embedded, ReferenceData = referenceData, Scored = scored, Metrics = metrics,
        Fairness = fairness, Resumes = resumes, Scenarios = scenarios, Timings = timings, Vettings = run.Vettings,
    };
    var sanctions = SanctionsEvaluation.Run();
    var markdown = report.ToMarkdown() + Environment.NewLine + SanctionsEvaluation.ToMarkdown(sanctions, headingLevel: 2);
    Directory.CreateDirectory(Path.GetDirectoryName(options.Output)!);
    File.WriteAllText(options.Output, markdown);
    Console.WriteLine(markdown);
    foreach (var missed in report.Missed().Concat(SanctionsEvaluation.Missed(sanctions))) Console.WriteLine(missed);
    Console.WriteLine($"Written to {options.Output}");
    return 0;
}
catch (Exception e)
{
    Console.Error.WriteLine($"quality: the run failed: {e}");
    return 1;
}
