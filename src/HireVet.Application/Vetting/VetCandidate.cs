using HireVet.Application.Common;
using HireVet.Application.Common.Auditing;
using MediatR;

namespace HireVet.Application.Vetting;

/// <summary>Vets a candidate that is pending vetting (the scheduler's job): runs every check on its current revision and
/// stores a new assessment. Idempotent: a candidate that is no longer pending is left alone, and the row lock keeps two
/// scheduler nodes from vetting it twice.</summary>
public static class VetCandidate
{
    public sealed record Command(long CandidateId) : IRequest<Unit>, ICommand;

    public sealed class Handler(CandidateVetting vetting, AuditScope audit) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command command, CancellationToken ct)
        {
            audit.Target("candidate", command.CandidateId);
            if ((await vetting.VetAsync([command.CandidateId], ct)) is not [var vetted])
            {
                audit.Details["outcome"] = "nothing to do";
                return Unit.Value;
            }

            audit.Details["assessmentId"] = vetted.AssessmentId;
            audit.Details["score"] = vetted.Score;
            audit.Details["band"] = vetted.Band;
            if (vetted.ReferredRevetted.Length > 0) audit.Details["referredRevetted"] = vetted.ReferredRevetted;
            if (vetted.LinkedRevetted.Length > 0) audit.Details["linkedRevetted"] = vetted.LinkedRevetted;
            return Unit.Value;
        }
    }
}
