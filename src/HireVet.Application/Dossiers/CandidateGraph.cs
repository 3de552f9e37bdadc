using System.Net;
using Dapper;
using HireVet.Application.Common.Data;
using HireVet.Application.ReferenceData.Network;

namespace HireVet.Application.Dossiers;

/// <summary>Candidates linked by shared identifiers, as a graph: the connected component around one candidate, found
/// breadth-first and bounded (a reviewer needs the ring, not the whole database). IP addresses of VPNs, Apple's relay
/// and hosting networks link nobody, so those edges are left out when network data is available.</summary>
public static class CandidateGraph
{
    public const int MaxNodes = 200;

    public sealed record Node
    {
        public long Id { get; init; }
        public string ExternalId { get; init; } = "";
        public string LegalName { get; init; } = "";
        public string Status { get; init; } = "";
        public string? Band { get; init; }
    }

    public sealed record Edge
    {
        public long From { get; init; }
        public long To { get; init; }
        public string Kind { get; init; } = "";
        public string Identifier { get; init; } = "";
    }

    public sealed record Graph(long CandidateId, IReadOnlyList<Node> Nodes, IReadOnlyList<Edge> Edges, bool Truncated);

    // One round of the breadth-first search, for a whole frontier at once.
    private const string NeighboursSql = """
        select mine.candidate_id as "from", other.candidate_id as "to", mine.kind, mine.display as identifier
        from candidate_identifiers mine
        join candidate_identifiers other
          on other.kind = mine.kind and other.value_hash = mine.value_hash and other.candidate_id <> mine.candidate_id
        where mine.candidate_id = any(@Frontier)
        limit @Limit
        """;

    private const string NodesSql = "select id, external_id, legal_name, status, band from candidates where id = any(@Ids) order by id";

    public static async Task<Graph> ComponentAsync(IDbSession db, long candidateId, NetworkIntelligence? network, CancellationToken ct) =>
        (await ComponentsAsync(db, [candidateId], network, ct))[candidateId];

    /// <summary>The component around each of the given candidates, searched together (one query per round for all of
    /// them, as a bulk import needs). Each component holds at most <see cref="MaxNodes"/> candidates. A caller that
    /// already looked up which of them share any identifier (vetting does) names those in <paramref name="sharing"/>:
    /// the others are alone, and the first round need not look for their neighbours.</summary>
    public static async Task<IReadOnlyDictionary<long, Graph>> ComponentsAsync(IDbSession db, IReadOnlyCollection<long> candidateIds,
        NetworkIntelligence? network, CancellationToken ct, IReadOnlySet<long>? sharing = null)
    {
        var seeds = candidateIds.Distinct().ToArray();
        var budget = MaxNodes * seeds.Length;
        var order = new Dictionary<long, int>(); // discovery order, to keep the nearest members when a component is cut
        foreach (var id in seeds) order[id] = order.Count;
        var edges = new HashSet<Edge>();
        var frontier = sharing is null ? seeds : [.. seeds.Where(sharing.Contains)];
        var truncated = false;
        while (frontier.Length > 0 && !truncated)
        {
            var found = await db.Connection.QueryAsync<Edge>(new CommandDefinition(NeighboursSql,
                new { Frontier = frontier, Limit = 5000 * Math.Max(1, frontier.Length) }, db.Transaction, cancellationToken: ct));
            var next = new List<long>();
            foreach (var edge in found.Where(e => e.Kind != CandidateIdentifiers.Kinds.Ip || !IsSharedByNature(network, e.Identifier)))
            {
                // Each link once, whichever side found it.
                edges.Add(edge.From < edge.To ? edge : edge with { From = edge.To, To = edge.From });
                if (order.ContainsKey(edge.To)) continue;
                if (order.Count >= budget) { truncated = true; break; }
                order[edge.To] = order.Count;
                next.Add(edge.To);
            }
            frontier = [.. next];
        }

        var components = new UnionFind(order.Keys);
        foreach (var e in edges) components.Union(e.From, e.To);
        var members = order.Keys.GroupBy(components.Find).ToDictionary(g => g.Key, g => g.OrderBy(id => order[id]).ToArray());
        var nodes = (await db.Connection.QueryAsync<Node>(new CommandDefinition(NodesSql, new { Ids = order.Keys.ToArray() }, db.Transaction, cancellationToken: ct)))
            .ToDictionary(n => n.Id);

        var graphs = new Dictionary<long, Graph>();
        foreach (var seed in seeds)
        {
            var all = members[components.Find(seed)];
            var kept = all.Take(MaxNodes).ToHashSet();
            graphs[seed] = new Graph(seed,
                [.. kept.Order().Where(nodes.ContainsKey).Select(id => nodes[id])],
                [.. edges.Where(e => kept.Contains(e.From) && kept.Contains(e.To)).OrderBy(e => e.From).ThenBy(e => e.To)],
                truncated || all.Length > MaxNodes);
        }
        return graphs;
    }

    private sealed class UnionFind(IEnumerable<long> ids)
    {
        private readonly Dictionary<long, long> _parent = ids.ToDictionary(id => id, id => id);

        public long Find(long id)
        {
            while (_parent[id] != id) id = _parent[id] = _parent[_parent[id]];
            return id;
        }

        public void Union(long a, long b)
        {
            if (_parent.ContainsKey(a) && _parent.ContainsKey(b)) _parent[Find(a)] = Find(b);
        }
    }

    /// <summary>VPN exits, Apple's relay and hosting networks are shared by strangers.</summary>
    public static bool IsSharedByNature(NetworkIntelligence? network, string ip) =>
        network is not null && IPAddress.TryParse(ip, out var address) && network.Enrich(address) is { } info
        && (info.IsVpn || info.IsHosting || info.IsICloudPrivateRelay);
}
