using System.Text.Json;
using Dapper;
using HireVet.Application.Candidates;
using HireVet.Application.Common;
using HireVet.Application.Common.Data;
using HireVet.Application.Common.Security;
using HireVet.Application.ReferenceData;
using HireVet.Application.Rulesets;
using HireVet.Application.ReferenceData.Network;
using HireVet.Application.Vetting.Checks;
using HireVet.Application.Vetting.Resumes;
using MediatR;

namespace HireVet.Application.Vetting;

/// <summary>Vets a candidate that is pending vetting: runs every check on its current revision and stores a new
/// assessment. Idempotent: a candidate that is no longer pending is left alone, and the row lock keeps two scheduler
/// nodes from vetting it twice.</summary>
public static class VetCandidate
{
    public sealed record Command(long CandidateId) : IRequest<Unit>, ICommand;

    public sealed class Handler(IDbSession db, ISensitiveData sensitive, IReferenceData referenceData, AuditScope audit,
        IAfterCommit afterCommit, IVettingScheduler scheduler, TimeProvider clock)
        : IRequestHandler<Command, Unit>
    {
        private const string LockSql = """
            select c.id, c.external_id, c.status, c.band, c.vetting_status, r.id as revision_id, r.dossier::text as dossier, r.sensitive_protected,
                   exists (select 1 from decisions d join decision_approvals a on a.decision_id = d.id
                           where d.candidate_id = c.id and d.outcome = 'reject' and a.verdict = 'approved') as was_rejected
            from candidates c
            join candidate_revisions r on r.candidate_id = c.id and r.revision = c.current_revision
            where c.id = @CandidateId
            for update of c
            """;

        // Other candidates holding the same identifier hash (bounded: a reviewer needs examples, not thousands).
        private const string SharedSql = """
            select mine.kind, mine.display, other.candidate_id as other_candidate_id, c.external_id as other_external_id,
                   c.legal_name as other_legal_name, c.status as other_status, r.dossier->>'claimedResidence' as other_residence
            from candidate_identifiers mine
            join candidate_identifiers other
              on other.kind = mine.kind and other.value_hash = mine.value_hash and other.candidate_id <> mine.candidate_id
            join candidates c on c.id = other.candidate_id
            join candidate_revisions r on r.candidate_id = c.id and r.revision = c.current_revision
            where mine.candidate_id = @CandidateId
            order by mine.kind, other.candidate_id
            limit 500
            """;

        // Candidates whose resumes share an LSH band with this one's, with what is needed to compare and show them.
        private const string SimilarResumesSql = """
            select c.id as other_candidate_id, c.external_id as other_external_id, c.legal_name as other_legal_name,
                   c.status as other_status, f.minhash, r.dossier->>'resumeText' as resume_text
            from (select distinct other.candidate_id
                  from resume_bands mine
                  join resume_bands other on other.band = mine.band and other.band_hash = mine.band_hash and other.candidate_id <> mine.candidate_id
                  where mine.candidate_id = @CandidateId
                  limit 50) near
            join candidates c on c.id = near.candidate_id
            join resume_fingerprints f on f.candidate_id = c.id
            join candidate_revisions r on r.candidate_id = c.id and r.revision = c.current_revision
            """;

        private const string ReferrerSql = "select id, external_id, legal_name, status, band from candidates where external_id = @ReferrerId";

        private const string InsertAssessmentSql = """
            insert into assessments (candidate_id, revision_id, score, band, ruleset_version, ruleset_hash, signals, trace,
                                     reference_data, assessed_at)
            values (@CandidateId, @RevisionId, @Score, @Band, @RulesetVersion, @RulesetHash, @Signals::jsonb, @Trace::jsonb,
                    @ReferenceData::jsonb, @Now)
            returning id
            """;

        private const string CompleteSql = """
            update candidates
            set vetting_status = 'completed', score = @Score, band = @Band, status = @Status, updated_at = @Now,
                claimed_by = case when status = @Status then claimed_by end,
                claimed_at = case when status = @Status then claimed_at end
            where id = @CandidateId
            """;

        private async Task<SimilarResume[]> SimilarResumesAsync(long candidateId, string? resumeText, CancellationToken ct)
        {
            if (ResumeFingerprint.Of(resumeText) is not { } mine) return [];
            var near = await db.Connection.QueryAsync<(long OtherCandidateId, string OtherExternalId, string OtherLegalName, string OtherStatus, long[] MinHash, string? ResumeText)>(
                new CommandDefinition(SimilarResumesSql, new { CandidateId = candidateId }, db.Transaction, cancellationToken: ct));
            return near
                .Select(n => (Near: n, Similarity: mine.Similarity(ResumeFingerprint.FromStored(n.MinHash, 0))))
                .Where(x => x.Similarity >= ResumeDuplicateCheck.MediumAt)
                .Select(x => new SimilarResume
                {
                    OtherCandidateId = x.Near.OtherCandidateId, OtherExternalId = x.Near.OtherExternalId, OtherLegalName = x.Near.OtherLegalName,
                    OtherStatus = x.Near.OtherStatus, Similarity = x.Similarity,
                    SharedPassage = x.Near.ResumeText is null ? null : ResumeFingerprint.SharedPassage(resumeText!, x.Near.ResumeText),
                })
                .ToArray();
        }

        /// <summary>Only a clean band clears without a human, and never someone already rejected. A human's decision
        /// stands when a re-vet (a new ring member, say) adds an assessment, except a decision still waiting for its
        /// second reviewer: it rested on the old assessment, so the candidate goes back to the queue.</summary>
        private static string NextStatus(string current, string band, bool wasRejected) => current switch
        {
            "pending_vetting" or "clear" or "review" => band == "clear" && !wasRejected ? "clear" : "review",
            "awaiting_approval" => "review",
            _ => current,
        };

        public async Task<Unit> Handle(Command command, CancellationToken ct)
        {
            audit.Target("candidate", command.CandidateId);
            var reference = await referenceData.LoadedAsync(ct); // before taking the row lock
            var row = await db.Connection.QuerySingleOrDefaultAsync<Row>(
                new CommandDefinition(LockSql, command, db.Transaction, cancellationToken: ct));
            if (row is null || row.VettingStatus != "pending")
            {
                audit.Details["outcome"] = "nothing to do";
                return Unit.Value;
            }

            var redacted = JsonSerializer.Deserialize<Dossier>(row.Dossier, DossierJson.Options)!;
            var secrets = JsonSerializer.Deserialize<SensitiveFields>(sensitive.Unprotect(row.SensitiveProtected), DossierJson.Options)!;
            var shared = (await db.Connection.QueryAsync<SharedIdentifier>(
                new CommandDefinition(SharedSql, command, db.Transaction, cancellationToken: ct))).ToArray();

            var ring = await CandidateGraph.ComponentAsync(db, row.Id, reference.Get<NetworkIntelligence>(Datasets.Network), ct);
            var similar = await SimilarResumesAsync(command.CandidateId, redacted.ResumeText, ct);
            var referrer = redacted.ReferrerId is null ? null : new ReferrerLookup(await db.Connection.QuerySingleOrDefaultAsync<CandidateGraph.Node>(
                new CommandDefinition(ReferrerSql, new { redacted.ReferrerId }, db.Transaction, cancellationToken: ct)));
            var engine = new VettingEngine(VettingEngine.AllChecks, await ActiveRuleset.GetAsync(db, ct));
            var outcome = engine.Assess(new VettingContext(row.Id, secrets.MergeInto(redacted), shared, reference) { Ring = ring, SimilarResumes = similar, Referrer = referrer });
            var now = clock.GetUtcNow();
            var assessmentId = await db.Connection.ExecuteScalarAsync<long>(new CommandDefinition(InsertAssessmentSql, new
            {
                command.CandidateId, row.RevisionId, outcome.Score, outcome.Band,
                RulesetVersion = engine.Ruleset.Version, RulesetHash = engine.Ruleset.Hash,
                Signals = JsonSerializer.Serialize(outcome.Signals, DossierJson.Options),
                Trace = JsonSerializer.Serialize(outcome.Trace, DossierJson.Options),
                ReferenceData = JsonSerializer.Serialize(reference.Datasets.Select(d => new { d.Name, d.AsOf, d.Status, d.Rows }), DossierJson.Options),
                Now = now,
            }, db.Transaction, cancellationToken: ct));

            var status = NextStatus(row.Status, outcome.Band, row.WasRejected);
            await db.Connection.ExecuteAsync(new CommandDefinition(CompleteSql,
                new { command.CandidateId, outcome.Score, outcome.Band, Status = status, Now = now }, db.Transaction, cancellationToken: ct));

            if (status != row.Status || outcome.Band != row.Band)
            {
                // The candidates this one referred read its status and band, which just changed.
                var referred = await LinkedRevetting.RevetAsync(db, afterCommit, scheduler,
                    await LinkedRevetting.ReferredByAsync(db, row.ExternalId, ct), now, ct);
                if (referred.Length > 0) audit.Details["referredRevetted"] = referred;
            }

            audit.Details["assessmentId"] = assessmentId;
            audit.Details["score"] = outcome.Score;
            audit.Details["band"] = outcome.Band;
            return Unit.Value;
        }

        private sealed record Row
        {
            public long Id { get; init; }
            public string ExternalId { get; init; } = "";
            public string? Band { get; init; }
            public string Status { get; init; } = "";
            public string VettingStatus { get; init; } = "";
            public long RevisionId { get; init; }
            public string Dossier { get; init; } = "";
            public string SensitiveProtected { get; init; } = "";
            public bool WasRejected { get; init; }
        }
    }
}
