using HireVet.Application.Common.Data;
using HireVet.Application.Common.Errors;
using HireVet.Application.Dossiers;
using HireVet.Application.ReferenceData;
using HireVet.Application.ReferenceData.Network;
using MediatR;

namespace HireVet.Application.Candidates;

/// <summary>The ring around a candidate: every candidate reachable through shared identifiers (nodes) and each shared
/// identifier (typed edges), for the link graph on the candidate page.</summary>
public static class GetCandidateLinks
{
    public sealed record Query(long Id) : IRequest<CandidateGraph.Graph>;

    public sealed class Handler(IDbSession db, IReferenceData referenceData) : IRequestHandler<Query, CandidateGraph.Graph>
    {
        public async Task<CandidateGraph.Graph> Handle(Query query, CancellationToken ct)
        {
            var graph = await CandidateGraph.ComponentAsync(db, query.Id, referenceData.Current.Get<NetworkIntelligence>(Datasets.Network), ct);
            return graph.Nodes.Any(n => n.Id == query.Id) ? graph : throw new NotFoundException("candidate", query.Id);
        }
    }
}
