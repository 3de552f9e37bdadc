using HireVet.Application.Common;
using HireVet.Application.Common.Auditing;
using HireVet.Application.Common.Security;
using MediatR;

namespace HireVet.Application.Candidates;

/// <summary>One batch of a bulk import (NDJSON from an applicant-tracking system): dossiers already read and validated
/// line by line, stored together in one transaction with one audit record naming every candidate. The caller vets the
/// batch right after (<see cref="Vetting.VetCandidates"/>), and then the stored candidates that vetting marked for
/// re-vetting (members of changed rings): their scheduled jobs then find nothing to do.</summary>
public static class ImportCandidates
{
    /// <summary>The largest batch: big enough that per-statement costs vanish, small enough that a batch's row locks
    /// and transaction stay short while single submissions go on.</summary>
    public const int MaxBatch = 500;

    public sealed record Command(IReadOnlyList<SubmitCandidate.Command> Dossiers) : IRequest<DossierStore.Result>, ICommand;

    public sealed class Handler(DossierStore store, ICurrentActor actor, AuditScope audit, TimeProvider clock)
        : IRequestHandler<Command, DossierStore.Result>
    {
        public async Task<DossierStore.Result> Handle(Command command, CancellationToken ct)
        {
            if (command.Dossiers.Count is 0 or > MaxBatch)
                throw new ArgumentOutOfRangeException(nameof(command), $"A batch holds 1 to {MaxBatch} dossiers.");
            if (command.Dossiers.DistinctBy(d => d.ExternalId?.Trim()).Count() != command.Dossiers.Count)
                throw new ArgumentException("A batch may not hold one externalId twice.", nameof(command));

            var result = await store.StoreAsync(command.Dossiers, actor.Name, clock.GetUtcNow(), ct);

            // The batch is one audit record; its details name every candidate by outcome.
            audit.Target("candidate_batch", $"{result.Stored.Min(s => s.Id)}..{result.Stored.Max(s => s.Id)}");
            foreach (var outcome in new[] { "created", "revised", "unchanged" })
                audit.Details[outcome] = result.Stored.Where(s => s.Outcome == outcome).Select(s => s.Id).ToArray();
            return result;
        }
    }
}
