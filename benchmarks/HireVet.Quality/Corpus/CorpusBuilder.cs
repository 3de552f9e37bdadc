using HireVet.Application.ReferenceData.Network;
using HireVet.Application.ReferenceData.Sanctions;

namespace HireVet.Quality.Corpus;

/// <summary>The whole labelled corpus for one seed: honest candidates and ring members, interleaved in a seeded order
/// (as applications arrive), with external ids that say nothing about the label.</summary>
public static class CorpusBuilder
{
    public static IReadOnlyList<Labelled> Build(int seed, int honest, int rings, NetworkIntelligence network, SanctionsIndex? sdn, DateTimeOffset now)
    {
        var ctx = new CorpusContext(seed, IpPools.Load(network), now);
        var people = new PersonFactory(ctx, name => sdn is not null && sdn.Screen(name).Count > 0);
        var all = new List<Labelled>();
        all.AddRange(new HonestGenerator(ctx, people).Generate(honest));
        all.AddRange(new RingGenerator(ctx, people, Sanctioned.Load()).Generate(rings));
        return [.. all.OrderBy(_ => ctx.Rng.Next())];
    }
}
