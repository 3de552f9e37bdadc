using HireVet.Application.Checks;
using HireVet.Application.Common;
using HireVet.Application.Common.Data;
using HireVet.Application.Vetting.Scoring;

namespace HireVet.Application.Vetting;

/// <summary>Vetting's one entry point, for the scheduler (<see cref="VetPendingCandidates"/>), a bulk import and the tests
/// (<see cref="VetCandidates"/>) and re-screening: vets those of the candidates still pending, in four stages.
/// <list type="number">
/// <item><see cref="VettingInputs"/> locks them and gathers what the checks look at, set-based for the batch.</item>
/// <item><see cref="VettingEngine"/> runs every check of <see cref="CheckCatalogue"/> on both cores (pure, no I/O)...</item>
/// <item>... and scores the signals under the active ruleset.</item>
/// <item><see cref="AssessmentWriter"/> stores the assessments and their consequences.</item>
/// </list>
/// A candidate no longer pending, or one another node is vetting right now (its row is locked), is left alone. The first
/// vetting of a new revision also marks for re-vetting the stored candidates it links to (its ring, near-duplicate
/// resumes): what they are linked to changed. Finding them here rather than at submission reuses the lookups vetting
/// does anyway, and keeps them out of the submission's request.</summary>
public sealed class CandidateVetting(IDbSession db, VettingInputs inputs, AssessmentWriter writer)
{
    public sealed record Vetted(long CandidateId, long AssessmentId, int Score, string Band, string Status, long[] ReferredRevetted,
        long[] LinkedRevetted)
    {
        /// <summary>A hired worker whose band rose: the case reopened and subscribers were told.</summary>
        public bool BandRaised { get; init; }
        public int Signals { get; init; }
    }

    /// <summary>Vets those of the candidates still pending; <paramref name="rescreenRunId"/> is the re-screening run
    /// this vetting belongs to, stored with each assessment (a run assesses a candidate at most once: the database
    /// refuses a second).</summary>
    public async Task<IReadOnlyList<Vetted>> VetAsync(IReadOnlyCollection<long> candidateIds, CancellationToken ct, long? rescreenRunId = null)
    {
        // One span per batch, linked to the requests that submitted its candidates: a vetting runs in a job of its own
        // trace, coalesced over many submissions, so a link (not a parent) leads back to each.
        using var span = HireVetTelemetry.Step("vetting.batch", candidateIds.Count);
        var subjects = await inputs.GatherAsync(candidateIds, ct);
        if (subjects.Count == 0) return [];
        if (span is not null)
        {
            span.SetTag("hirevet.vetting.candidates", subjects.Count);
            if (rescreenRunId is { } run) span.SetTag("hirevet.rescreen.run_id", run);
            foreach (var traceParent in subjects.Select(s => s.Row.SubmissionTrace).Distinct())
                if (HireVetTelemetry.TryLink(traceParent, out var link)) span.AddLink(link);
        }

        var engine = new VettingEngine(CheckCatalogue.All, await ActiveRuleset.GetAsync(db, ct));
        var outcomes = new VettingEngine.Outcome[subjects.Count];
        using (HireVetTelemetry.Step("vetting.checks", subjects.Count))
            Parallel.For(0, subjects.Count, new ParallelOptions { CancellationToken = ct }, i => outcomes[i] = engine.Assess(subjects[i].Context));

        return await writer.WriteAsync(subjects, outcomes, engine.Ruleset, rescreenRunId, ct);
    }
}
