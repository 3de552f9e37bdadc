using HireVet.Application.Common;
using HireVet.Application.Common.Auditing;
using MediatR;

namespace HireVet.Application.Vetting;

/// <summary>Vets pending candidates, one or a batch (a bulk import's batch), in one transaction with one audit record
/// listing each candidate's assessment. Candidates another node is vetting, or no longer pending, are skipped.</summary>
public static class VetCandidates
{
    public sealed record Command(IReadOnlyList<long> CandidateIds) : IRequest<IReadOnlyList<CandidateVetting.Vetted>>, ICommand;

    public sealed class Handler(CandidateVetting vetting, AuditScope audit) : IRequestHandler<Command, IReadOnlyList<CandidateVetting.Vetted>>
    {
        public async Task<IReadOnlyList<CandidateVetting.Vetted>> Handle(Command command, CancellationToken ct)
        {
            var vetted = command.CandidateIds.Count == 0 ? [] : await vetting.VetAsync([.. command.CandidateIds], ct);
            audit.Target("candidate_batch", command.CandidateIds.Count == 0 ? "none" : $"{command.CandidateIds.Min()}..{command.CandidateIds.Max()}");
            Describe(audit, vetted);
            return vetted;
        }
    }

    /// <summary>A batch's audit details: each candidate's assessment, score and band, keyed by candidate id.</summary>
    public static void Describe(AuditScope audit, IReadOnlyList<CandidateVetting.Vetted> vetted)
    {
        audit.Details["assessments"] = vetted.ToDictionary(v => v.CandidateId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            v => new { v.AssessmentId, v.Score, v.Band });
        var referred = vetted.SelectMany(v => v.ReferredRevetted).ToArray();
        if (referred.Length > 0) audit.Details["referredRevetted"] = referred;
        var linked = vetted.SelectMany(v => v.LinkedRevetted).Distinct().ToArray();
        if (linked.Length > 0) audit.Details["linkedRevetted"] = linked;
    }
}
