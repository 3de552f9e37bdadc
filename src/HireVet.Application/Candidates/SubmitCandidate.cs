using System.Text.Json;
using Dapper;
using HireVet.Application.Common;
using HireVet.Application.Common.Data;
using HireVet.Application.Common.Security;
using HireVet.Application.ReferenceData;
using HireVet.Application.ReferenceData.Network;
using HireVet.Application.Vetting;
using HireVet.Application.Vetting.Resumes;
using MediatR;

namespace HireVet.Application.Candidates;

/// <summary>HR (or an applicant-tracking system) submits a dossier. A new externalId creates a candidate; the same
/// dossier again changes nothing; a changed dossier becomes a new revision. Either way a changed dossier is marked
/// pending vetting in the same transaction, as is every other member of its ring (their ring changed too), and the
/// scheduler is asked to vet them after commit.</summary>
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

    public sealed class Handler(IDbSession db, ISensitiveData sensitive, ICurrentActor actor, AuditScope audit,
        IAfterCommit afterCommit, IVettingScheduler scheduler, IReferenceData referenceData, TimeProvider clock)
        : IRequestHandler<Command, Response>
    {
        private const string InsertCandidateSql = """
            insert into candidates (external_id, legal_name, source, role, referrer_external_id, submitted_by, created_at, updated_at,
                                    current_revision, status, vetting_status, vetting_requested_at)
            values (@ExternalId, @LegalName, @Source, @Role, @ReferrerId, @SubmittedBy, @Now, @Now, 0, 'pending_vetting', 'pending', @Now)
            on conflict (external_id) do nothing
            returning id
            """;

        private const string LockExistingSql = """
            select c.id, c.current_revision, c.status, r.content_hash
            from candidates c
            left join candidate_revisions r on r.candidate_id = c.id and r.revision = c.current_revision
            where c.external_id = @ExternalId
            for update of c
            """;

        private const string InsertRevisionSql = """
            insert into candidate_revisions (candidate_id, revision, dossier, sensitive_protected, content_hash, submitted_by, submitted_at)
            values (@CandidateId, @Revision, @Dossier::jsonb, @SensitiveProtected, @ContentHash, @SubmittedBy, @Now)
            """;

        private const string MarkPendingSql = """
            update candidates
            set legal_name = @LegalName, source = @Source, role = @Role, referrer_external_id = @ReferrerId, updated_at = @Now,
                current_revision = @Revision,
                status = 'pending_vetting', vetting_status = 'pending', vetting_requested_at = @Now, vetting_attempts = 0,
                claimed_by = null, claimed_at = null
            where id = @CandidateId
            """;

        private const string ReplaceIdentifiersSql = """
            delete from candidate_identifiers where candidate_id = @CandidateId;
            insert into candidate_identifiers (candidate_id, kind, value_hash, display)
            select @CandidateId, kind, value_hash, display
            from unnest(@Kinds, @Hashes, @Displays) as i(kind, value_hash, display)
            on conflict do nothing;
            """;

        private const string ReplaceFingerprintSql = """
            delete from resume_bands where candidate_id = @CandidateId;
            delete from resume_fingerprints where candidate_id = @CandidateId;
            insert into resume_fingerprints (candidate_id, minhash, words) select @CandidateId, @MinHash, @Words where @Words > 0;
            insert into resume_bands (candidate_id, band, band_hash)
            select @CandidateId, (b.ordinality - 1)::smallint, b.band_hash from unnest(@Bands) with ordinality as b(band_hash, ordinality);
            """;

        private const string ResumeNeighboursSql = """
            select distinct other.candidate_id
            from resume_bands mine
            join resume_bands other on other.band = mine.band and other.band_hash = mine.band_hash and other.candidate_id <> mine.candidate_id
            where mine.candidate_id = @CandidateId
            limit 50
            """;

        public async Task<Response> Handle(Command command, CancellationToken ct)
        {
            var dossier = DossierNormalizer.Normalize((Dossier)command with { });
            var (redacted, secrets) = SensitiveFields.Split(dossier);
            var contentHash = Convert.ToHexStringLower(sensitive.KeyedHash("dossier", JsonSerializer.Serialize(dossier, DossierJson.Options)));
            var now = clock.GetUtcNow();

            var newId = await db.Connection.ExecuteScalarAsync<long?>(new CommandDefinition(InsertCandidateSql,
                new { dossier.ExternalId, dossier.LegalName, dossier.Source, dossier.Role, dossier.ReferrerId, SubmittedBy = actor.Name, Now = now },
                db.Transaction, cancellationToken: ct));

            long candidateId;
            int revision;
            string outcome;
            if (newId is { } created)
            {
                (candidateId, revision, outcome) = (created, 1, "created");
            }
            else
            {
                var existing = await db.Connection.QuerySingleAsync<(long Id, int Revision, string Status, string? ContentHash)>(
                    new CommandDefinition(LockExistingSql, new { dossier.ExternalId }, db.Transaction, cancellationToken: ct));
                audit.Target("candidate", existing.Id);
                if (existing.ContentHash == contentHash)
                {
                    audit.Details["outcome"] = "unchanged";
                    return new Response { Id = existing.Id, Status = existing.Status, Revision = existing.Revision, Outcome = "unchanged" };
                }
                (candidateId, revision, outcome) = (existing.Id, existing.Revision + 1, "revised");
            }

            await db.Connection.ExecuteAsync(new CommandDefinition(InsertRevisionSql, new
            {
                CandidateId = candidateId, Revision = revision,
                Dossier = JsonSerializer.Serialize(redacted, DossierJson.Options),
                SensitiveProtected = sensitive.Protect(JsonSerializer.Serialize(secrets, DossierJson.Options)),
                ContentHash = contentHash, SubmittedBy = actor.Name, Now = now,
            }, db.Transaction, cancellationToken: ct));

            await db.Connection.ExecuteAsync(new CommandDefinition(MarkPendingSql, new
            {
                CandidateId = candidateId, Revision = revision, dossier.LegalName, dossier.Source, dossier.Role, dossier.ReferrerId, Now = now,
            }, db.Transaction, cancellationToken: ct));

            var identifiers = CandidateIdentifiers.From(dossier);
            await db.Connection.ExecuteAsync(new CommandDefinition(ReplaceIdentifiersSql, new
            {
                CandidateId = candidateId,
                Kinds = identifiers.Select(i => i.Kind).ToArray(),
                Hashes = identifiers.Select(i => sensitive.KeyedHash(i.Kind, i.Value)).ToArray(),
                Displays = identifiers.Select(i => i.Display).ToArray(),
            }, db.Transaction, cancellationToken: ct));

            var fingerprint = ResumeFingerprint.Of(dossier.ResumeText);
            await db.Connection.ExecuteAsync(new CommandDefinition(ReplaceFingerprintSql, new
            {
                CandidateId = candidateId, MinHash = fingerprint?.MinHash ?? [], Words = fingerprint?.Words ?? 0,
                Bands = fingerprint?.BandHashes() ?? [],
            }, db.Transaction, cancellationToken: ct));

            var ring = await CandidateGraph.ComponentAsync(db, candidateId, referenceData.Current.Get<NetworkIntelligence>(Datasets.Network), ct);
            var resumeNeighbours = await db.Connection.QueryAsync<long>(new CommandDefinition(ResumeNeighboursSql,
                new { CandidateId = candidateId }, db.Transaction, cancellationToken: ct));
            // Every other member of the candidate's ring, and candidates with a near-duplicate resume: what they are
            // linked to changed, so they are vetted again.
            var linked = await LinkedRevetting.RevetAsync(db, afterCommit, scheduler,
                ring.Nodes.Select(n => n.Id).Concat(resumeNeighbours).Where(id => id != candidateId), now, ct);

            audit.Target("candidate", candidateId);
            audit.Details["outcome"] = outcome;
            audit.Details["revision"] = revision;
            if (linked.Length > 0) audit.Details["linkedRevetted"] = linked;
            afterCommit.Enqueue(token => scheduler.ScheduleAsync(candidateId, token));
            return new Response { Id = candidateId, Status = "pending_vetting", Revision = revision, Outcome = outcome };
        }
    }
}
