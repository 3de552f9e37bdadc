using HireVet.Application.Dossiers;
using HireVet.Quality.Corpus;
using HireVet.Quality.Running;

namespace HireVet.Quality.Evaluation;

/// <summary>Counterfactual fairness: honest dossiers cloned with only the name swapped to one of another origin
/// (Korean → Irish/Anglo → Nigerian → Mexican → Vietnamese → German/Polish → Korean), vetted, and compared band for
/// band with their originals.
/// The clones go to a database of their own (beside the originals they would share every identifier with), together
/// with the housemates of those who live with relatives, so that each clone sees exactly its original's surroundings.</summary>
public static class FairnessCheck
{
    public sealed record Pair(Scored Original, PersonName CloneName, Scored Swapped)
    {
        public bool Differs => Original.Band != Swapped.Band;
    }

    public sealed record Result(IReadOnlyList<Pair> Pairs, TimeSpan Elapsed)
    {
        public IReadOnlyList<Pair> Differing => [.. Pairs.Where(p => p.Differs)];
    }

    public static async Task<Result> RunAsync(PrivateCluster cluster, IReadOnlyList<Scored> scored, int count, int seed, Action<string> log)
    {
        var started = DateTime.UtcNow;
        var rng = new Random(seed ^ 0x0FA1);
        var honest = scored.Where(s => !s.Label.IsRingMember).ToArray();
        // Stratified by hard case, so that each gets its share of the sample.
        var sample = honest
            .GroupBy(s => s.Label.Category)
            .SelectMany(g => g.OrderBy(_ => rng.Next()).Take((int)Math.Ceiling(count * (double)g.Count() / honest.Length)))
            .OrderBy(_ => rng.Next()).Take(count).ToArray();
        var clones = sample.Select((s, i) => (Original: s, Clone: NameSwap.Clone(s.Label, seed + i))).ToArray();

        var sampled = sample.Select(s => s.Label.ExternalId).ToHashSet();
        var housemates = sample.Where(s => s.Label.Category == HardCases.Relatives)
            .SelectMany(s => honest.Where(h => h.Label.Category == HardCases.Relatives && SameResidence(h.Label.Dossier, s.Label.Dossier)))
            .Where(h => !sampled.Contains(h.Label.ExternalId))
            .DistinctBy(h => h.Label.ExternalId)
            .ToArray();

        var connectionString = await cluster.CreateDatabaseAsync("hirevet_quality_fairness");
        using var host = await VettingHost.StartAsync(connectionString);
        var dossiers = clones.Select(c => c.Clone.Dossier).Concat(housemates.Select(h => h.Label.Dossier)).ToArray();
        log($"fairness: {clones.Length} clones and {housemates.Length} unchanged housemates");
        var run = await host.RunAsync(dossiers, log);
        var pairs = clones.Select(c =>
        {
            var a = run.Results[c.Original.Label.ExternalId];
            return new Pair(c.Original, c.Clone.Name, new Scored(c.Original.Label with { Dossier = c.Clone.Dossier, Name = c.Clone.Name }, a.Band, a.Score, a.Signals, a.Trace));
        }).ToArray();
        return new Result(pairs, DateTime.UtcNow - started);
    }

    private static bool SameResidence(Dossier a, Dossier b) =>
        a.ClaimedResidence is { } x && b.ClaimedResidence is { } y && x.Line1 == y.Line1 && x.PostalCode == y.PostalCode && x.Country == y.Country;
}
