using System.Net;
using Dapper;
using HireVet.Application.Common.Data;
using HireVet.Application.ReferenceData.Network;

namespace HireVet.Application.Candidates;

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

    private const string NeighboursSql = """
        select mine.candidate_id as "from", other.candidate_id as "to", mine.kind, mine.display as identifier
        from candidate_identifiers mine
        join candidate_identifiers other
          on other.kind = mine.kind and other.value_hash = mine.value_hash and other.candidate_id <> mine.candidate_id
        where mine.candidate_id = any(@Frontier)
        limit 5000
        """;

    private const string NodesSql = "select id, external_id, legal_name, status, band from candidates where id = any(@Ids) order by id";

    public static async Task<Graph> ComponentAsync(IDbSession db, long candidateId, NetworkIntelligence? network, CancellationToken ct)
    {
        var seen = new HashSet<long> { candidateId };
        var edges = new HashSet<Edge>();
        var frontier = new[] { candidateId };
        var truncated = false;
        while (frontier.Length > 0 && !truncated)
        {
            var found = await db.Connection.QueryAsync<Edge>(new CommandDefinition(NeighboursSql, new { Frontier = frontier }, db.Transaction, cancellationToken: ct));
            var next = new List<long>();
            foreach (var edge in found.Where(e => e.Kind != CandidateIdentifiers.Kinds.Ip || !IsSharedByNature(network, e.Identifier)))
            {
                // Each link once, whichever side found it.
                edges.Add(edge.From < edge.To ? edge : edge with { From = edge.To, To = edge.From });
                if (seen.Contains(edge.To)) continue;
                if (seen.Count >= MaxNodes) { truncated = true; break; }
                seen.Add(edge.To);
                next.Add(edge.To);
            }
            frontier = [.. next];
        }
        var nodes = (await db.Connection.QueryAsync<Node>(new CommandDefinition(NodesSql, new { Ids = seen.ToArray() }, db.Transaction, cancellationToken: ct))).ToArray();
        return new Graph(candidateId, nodes, [.. edges.Where(e => seen.Contains(e.From) && seen.Contains(e.To)).OrderBy(e => e.From).ThenBy(e => e.To)], truncated);
    }

    /// <summary>VPN exits, Apple's relay and hosting networks are shared by strangers.</summary>
    public static bool IsSharedByNature(NetworkIntelligence? network, string ip) =>
        network is not null && IPAddress.TryParse(ip, out var address) && network.Enrich(address) is { } info
        && (info.IsVpn || info.IsHosting || info.IsICloudPrivateRelay);
}
