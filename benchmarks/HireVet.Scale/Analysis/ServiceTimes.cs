using System.Diagnostics;
using System.Text.Json;
using HireVet.Application.Candidates;
using HireVet.Application.Checks;
using HireVet.Application.Dossiers;
using HireVet.Application.Vetting;
using HireVet.Quality.Running;
using HireVet.Scale.Load;

namespace HireVet.Scale.Analysis;

/// <summary>The two commands one at a time, in process through the app's MediatR pipeline against the seeded database,
/// with nothing else running: the service time a request costs without HTTP, queueing or contention. The vetting
/// engine alone (every check, no database) is timed on the same dossiers.</summary>
public static class ServiceTimes
{
    public sealed record Result(double[] SubmitMs, double[] VetMs, double[] EngineMs);

    public static async Task<Result> RunAsync(VettingHost host, LoadDossiers dossiers, int count)
    {
        var reference = await host.ReferenceDataAsync();
        var commands = Enumerable.Range(0, count)
            .Select(_ => JsonSerializer.Deserialize<SubmitCandidate.Command>(dossiers.Next(), DossierJson.Options)!).ToArray();
        var submit = new List<double>();
        var ids = new List<long>();
        foreach (var command in commands)
        {
            var clock = Stopwatch.StartNew();
            ids.Add((await host.SendAsync(command)).Id);
            submit.Add(clock.Elapsed.TotalMilliseconds);
        }
        var vet = new List<double>();
        foreach (var id in ids)
        {
            var clock = Stopwatch.StartNew();
            await host.SendAsync(new VetCandidates.Command([id]));
            vet.Add(clock.Elapsed.TotalMilliseconds);
        }
        var engine = commands.Select(c =>
        {
            var dossier = DossierNormalizer.Normalize(c);
            var clock = Stopwatch.StartNew();
            VettingEngine.Default.Assess(new VettingContext(0, dossier, [], reference) { Ring = new CandidateGraph.Graph(0, [], [], false), SimilarResumes = [] });
            return clock.Elapsed.TotalMilliseconds;
        }).ToArray();
        return new Result([.. submit], [.. vet], engine);
    }
}
