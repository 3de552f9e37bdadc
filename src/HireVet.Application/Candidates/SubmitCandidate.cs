using HireVet.Application.Common;
using HireVet.Application.Common.Auditing;
using HireVet.Application.Common.Data;
using HireVet.Application.Common.Security;
using HireVet.Application.Dossiers;
using HireVet.Application.Vetting;
using MediatR;

namespace HireVet.Application.Candidates;

/// <summary>HR (or an applicant-tracking system) submits a dossier. A new externalId creates a candidate; the same
/// dossier again changes nothing; a changed dossier becomes a new revision. Either way a changed dossier is marked
/// pending vetting in the same transaction and the scheduler is asked to vet it after commit; that vetting marks the
/// members of its ring and its near-duplicates for re-vetting (their links changed too).</summary>
public static class SubmitCandidate
{
    public sealed record Command : Dossier, IRequest<Response>, ICommand;

    public sealed record Response
    {
        public long Id { get; init; }
        public string Status { get; init; } = "";
        public int Revision { get; init; }
        /// <summary>created, revised or unchanged.</summary>
        public string Outcome { get; init; } = "";
    }

    public sealed class Validator(TimeProvider clock) : DossierValidator<Command>(clock);

    public sealed class Handler(DossierStore store, ICurrentActor actor, AuditScope audit, IAfterCommit afterCommit,
        IVettingScheduler scheduler, TimeProvider clock)
        : IRequestHandler<Command, Response>
    {
        public async Task<Response> Handle(Command command, CancellationToken ct)
        {
            var result = await store.StoreAsync([command], actor.Name, clock.GetUtcNow(), ct);
            var stored = result.Stored[0];

            audit.Target("candidate", stored.Id);
            audit.Details["outcome"] = stored.Outcome;
            if (stored.Outcome != "unchanged")
            {
                audit.Details["revision"] = stored.Revision;
                afterCommit.Enqueue(scheduler.RequestAsync);
            }
            return new Response { Id = stored.Id, Status = stored.Status, Revision = stored.Revision, Outcome = stored.Outcome };
        }
    }
}
