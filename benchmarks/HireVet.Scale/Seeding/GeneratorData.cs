using System.Collections.Concurrent;
using HireVet.Application.ReferenceData;
using HireVet.Application.ReferenceData.Network;
using HireVet.Application.ReferenceData.Sanctions;
using HireVet.Quality.Corpus;

namespace HireVet.Scale.Seeding;

/// <summary>The reference data the generators need: the network tables, for addresses that really are residential in
/// the right country, and the SDN list, so that no made-up employer name is a listed one (screened once a name).</summary>
public sealed class GeneratorData
{
    private readonly NetworkIntelligence _network;
    private readonly SanctionsIndex? _sdn;
    private readonly ConcurrentDictionary<string, bool> _listed = new();

    private GeneratorData(NetworkIntelligence network, SanctionsIndex? sdn) => (_network, _sdn) = (network, sdn);

    public static GeneratorData From(ReferenceSnapshot reference) => new(
        reference.Get<NetworkIntelligence>(Datasets.Network)
            ?? throw new InvalidOperationException($"The network reference data did not load: {reference.Unavailable(Datasets.Network)}"),
        reference.Get<SanctionsIndex>(Datasets.OfacSdn));

    public bool IsListed(string name) => _listed.GetOrAdd(name, n => _sdn is not null && _sdn.Screen(n).Count > 0);

    /// <summary>A pool of addresses for one generating thread (pools are not thread-safe).</summary>
    public IpPools NewIpPool() => IpPools.Load(_network);
}
