using System.Text.Json;
using Dapper;
using HireVet.Application.Checks;
using HireVet.Application.Checks.Links;
using HireVet.Application.Common;
using HireVet.Application.Common.Data;
using HireVet.Application.Common.Security;
using HireVet.Application.Dossiers;
using HireVet.Application.Dossiers.Resumes;
using HireVet.Application.ReferenceData;
using HireVet.Application.ReferenceData.Network;

namespace HireVet.Application.Vetting;

/// <summary>Vetting's first stage: locks the candidates still pending (skipping rows another node is vetting) and gathers
/// everything the checks look at, with one set-based query per lookup for the whole batch: the decrypted dossier, the
/// other candidates sharing an identifier, the ring, near-duplicate resumes, the referrer and, for hired workers, what
/// was seen since the hire.</summary>
public sealed class VettingInputs(IDbSession db, ISensitiveData sensitive, IReferenceData referenceData, TimeProvider clock,
    Checks.PostHire.PostHireSettings postHireSettings)
{
    /// <summary>One candidate to vet: its locked row and the context its checks run on.</summary>
    public sealed record Subject(Row Row, VettingContext Context);

    private const string LockSql = """
        select c.id, c.external_id, c.status, c.band, c.submission_trace, r.id as revision_id, r.submitted_at, r.dossier::text as dossier,
               r.sensitive_protected,
               exists (select 1 from decisions d join decision_approvals a on a.decision_id = d.id
                       where d.candidate_id = c.id and d.outcome = 'reject' and a.verdict = 'approved') as was_rejected,
               not exists (select 1 from assessments a where a.revision_id = r.id) as first_of_revision,
               (select f.minhash from resume_fingerprints f where f.candidate_id = c.id) as minhash
        from candidates c
        join candidate_revisions r on r.candidate_id = c.id and r.revision = c.current_revision
        where c.id = any(@Ids) and c.vetting_status = 'pending'
        order by c.id
        for update of c skip locked
        """;

    // Other candidates holding the same identifier hash, at most 100 per identifier: a reviewer needs examples, not
    // thousands, and a hub must not flood a batch.
    private const string SharedSql = """
        select mine.candidate_id as candidate_id, mine.kind, mine.display, c.id as other_candidate_id, c.external_id as other_external_id,
               c.legal_name as other_legal_name, c.status as other_status, r.dossier->>'claimedResidence' as other_residence
        from candidate_identifiers mine
        cross join lateral (select other.candidate_id from candidate_identifiers other
                            where other.kind = mine.kind and other.value_hash = mine.value_hash and other.candidate_id <> mine.candidate_id
                            limit 100) other
        join candidates c on c.id = other.candidate_id
        join candidate_revisions r on r.candidate_id = c.id and r.revision = c.current_revision
        where mine.candidate_id = any(@Ids)
        order by mine.candidate_id, mine.kind, c.id
        """;

    // Candidates whose resumes share an LSH band with each one's, with what is needed to compare them, at most
    // MaxResumeNeighbours each. The lateral probes the GIN index once per candidate (a bitmap scan: these transactions
    // rule out sequential scans, so the limit cannot lure the planner into walking the table to stop early). A
    // template resume shares a band with hundreds (in the scale benchmark the median was 2 and the maximum 350);
    // fetching every one's signature was the largest cost of vetting a bulk batch.
    private const string SimilarResumesSql = """
        select mine.candidate_id, o.other_id as other_candidate_id, o.minhash
        from unnest(@Ids) as mine(candidate_id)
        join resume_fingerprints b on b.candidate_id = mine.candidate_id
        cross join lateral (select other.candidate_id as other_id, other.minhash
                            from resume_fingerprints other
                            where other.bands && b.bands and other.candidate_id <> b.candidate_id
                            limit @MaxResumeNeighbours) o
        """;

    /// <summary>Resumes compared with each candidate's: a reviewer needs the near-duplicates, not every resume built
    /// from the same template.</summary>
    public const int MaxResumeNeighbours = 50;

    // Only for the pairs that turned out similar (rare): who they are and the text to quote the shared passage from.
    private const string SimilarCandidatesSql = """
        select c.id, c.external_id, c.legal_name, c.status, r.dossier->>'resumeText' as resume_text
        from candidates c
        join candidate_revisions r on r.candidate_id = c.id and r.revision = c.current_revision
        where c.id = any(@Ids)
        """;

    // Where this candidate or its references were seen that another candidate or one of its references was seen too, when
    // a reference is on either side or the thing shared is a device (two candidates on one IP are LINK-04's), at most
    // 100 per sighting, as for identifiers.
    private const string SightingsSql = """
        select mine.candidate_id, mine.kind, mine.display, mine.reference_name as mine_reference,
               c.id as other_candidate_id, c.external_id as other_external_id, c.legal_name as other_legal_name, c.status as other_status,
               o.reference_name as other_reference
        from network_sightings mine
        cross join lateral (select other.candidate_id, other.reference_name from network_sightings other
                            where other.kind = mine.kind and other.value_hash = mine.value_hash and other.candidate_id <> mine.candidate_id
                              and (mine.actor = 'reference' or other.actor = 'reference' or mine.kind = 'device')
                            order by other.candidate_id
                            limit 100) o
        join candidates c on c.id = o.candidate_id
        where mine.candidate_id = any(@Ids)
        order by mine.candidate_id, mine.kind, mine.display, c.id
        """;

    private const string IdentityVerificationsSql = """
        select id, candidate_id, vendor, vendor_reference, verified_at, document_type, document_country, liveness_outcome,
               document_outcome, sensitive_protected
        from identity_verifications
        where candidate_id = any(@Ids)
        order by candidate_id, coalesce(verified_at, received_at) desc, id desc
        """;

    private const string ReferrersSql = "select id, external_id, legal_name, status, band from candidates where external_id = any(@ExternalIds)";

    /// <summary>The pending ones of the candidates, locked until the caller's transaction ends, in id order; empty when
    /// none is left to vet.</summary>
    public async Task<IReadOnlyList<Subject>> GatherAsync(IReadOnlyCollection<long> candidateIds, CancellationToken ct)
    {
        var reference = await referenceData.LoadedAsync(ct); // before taking the row locks
        await IndexLookups.PreferAsync(db, ct);
        Row[] rows;
        using (HireVetTelemetry.Step("vetting.lock", candidateIds.Count))
            rows = (await db.Connection.QueryAsync<Row>(new CommandDefinition(LockSql, new { Ids = candidateIds.ToArray() },
                db.Transaction, cancellationToken: ct))).ToArray();
        if (rows.Length == 0) return [];
        var ids = rows.Select(r => r.Id).ToArray();

        var dossiers = new Dossier[rows.Length];
        using (HireVetTelemetry.Step("vetting.decrypt", rows.Length))
            Parallel.For(0, rows.Length, new ParallelOptions { CancellationToken = ct }, i =>
            {
                var redacted = JsonSerializer.Deserialize<Dossier>(rows[i].Dossier, DossierJson.Options)!;
                dossiers[i] = SensitiveFields.Read(sensitive, rows[i].SensitiveProtected)
                    .MergeInto(redacted);
            });

        ILookup<long, SharedIdentifier> shared;
        using (HireVetTelemetry.Step("vetting.shared-identifiers", ids.Length))
            shared = (await db.Connection.QueryAsync<SharedRow>(new CommandDefinition(SharedSql, new { Ids = ids }, db.Transaction, cancellationToken: ct)))
                .ToLookup(s => s.CandidateId, s => s.Identifier);
        IReadOnlyDictionary<long, CandidateGraph.Graph> rings;
        using (HireVetTelemetry.Step("vetting.rings", ids.Length))
            // A candidate sharing no identifier is a ring of its own: only those sharing one are searched.
            rings = await CandidateGraph.ComponentsAsync(db, ids, reference.Get<NetworkIntelligence>(Datasets.Network), ct,
                shared.Select(g => g.Key).ToHashSet());
        IReadOnlyList<SimilarResume>[] similar;
        using (HireVetTelemetry.Step("vetting.resume-neighbours", ids.Length))
            similar = await SimilarResumesAsync(rows, dossiers, ct);
        IReadOnlyDictionary<long, Checks.PostHire.WorkerActivity> activities;
        using (HireVetTelemetry.Step("vetting.worker-activity", ids.Length))
            activities = await WorkerActivities.LoadAsync(db, sensitive, ids, clock.GetUtcNow(), ct);
        var referrerIds = dossiers.Select(d => d.ReferrerId).OfType<string>().Distinct().ToArray();
        Dictionary<string, CandidateGraph.Node> referrers;
        using (HireVetTelemetry.Step("vetting.referrers", referrerIds.Length))
            referrers = referrerIds.Length == 0 ? new Dictionary<string, CandidateGraph.Node>()
                : (await db.Connection.QueryAsync<CandidateGraph.Node>(new CommandDefinition(ReferrersSql, new { ExternalIds = referrerIds },
                    db.Transaction, cancellationToken: ct))).ToDictionary(n => n.ExternalId);
        ILookup<long, SharedSighting> sightings;
        ILookup<long, IdentityVerificationResult> verifications;
        using (HireVetTelemetry.Step("vetting.sightings-and-verifications", ids.Length))
        {
            sightings = (await db.Connection.QueryAsync<SightingRow>(new CommandDefinition(SightingsSql, new { Ids = ids }, db.Transaction, cancellationToken: ct)))
                .ToLookup(s => s.CandidateId, s => s.Sighting);
            verifications = (await db.Connection.QueryAsync<VerificationRow>(new CommandDefinition(IdentityVerificationsSql, new { Ids = ids },
                    db.Transaction, cancellationToken: ct)))
                .ToLookup(v => v.CandidateId, v => v.Decrypt(sensitive));
        }

        return [.. rows.Select((row, i) => new Subject(row, new VettingContext(row.Id, dossiers[i], [.. shared[row.Id]], reference)
        {
            Ring = rings[row.Id],
            SimilarResumes = similar[i],
            Referrer = dossiers[i].ReferrerId is null ? null : new ReferrerLookup(referrers.GetValueOrDefault(dossiers[i].ReferrerId!)),
            PostHire = activities.GetValueOrDefault(row.Id),
            PostHireSettings = postHireSettings,
            SharedSightings = [.. sightings[row.Id]],
            IdentityVerifications = [.. verifications[row.Id]],
        }))];
    }

    private async Task<IReadOnlyList<SimilarResume>[]> SimilarResumesAsync(Row[] rows, Dossier[] dossiers, CancellationToken ct)
    {
        // The signature stored with this revision (computing it again cost as much as all the checks together).
        var ids = rows.Select(r => r.Id).ToArray();
        var mine = rows.Select(r => r.MinHash is { } stored ? ResumeFingerprint.FromStored(stored, 0) : null).ToArray();
        var withResume = ids.Where((_, i) => mine[i] is not null).ToArray();
        var near = (withResume.Length == 0 ? [] : await db.Connection.QueryAsync<NearRow>(new CommandDefinition(SimilarResumesSql,
            new { Ids = withResume, MaxResumeNeighbours }, db.Transaction, cancellationToken: ct))).ToLookup(n => n.CandidateId);
        var similar = ids.Select((id, i) => mine[i] is not { } fingerprint ? []
            : near[id]
                .Select(n => (n.OtherCandidateId, Similarity: fingerprint.Similarity(ResumeFingerprint.FromStored(n.MinHash, 0))))
                .Where(x => x.Similarity >= ResumeDuplicateCheck.MediumAt)
                .ToArray()).ToArray();
        var others = similar.SelectMany(s => s.Select(x => x.OtherCandidateId)).Distinct().ToArray();
        var who = (others.Length == 0 ? [] : await db.Connection.QueryAsync<SimilarCandidate>(new CommandDefinition(SimilarCandidatesSql,
            new { Ids = others }, db.Transaction, cancellationToken: ct))).ToDictionary(c => c.Id);
        return [.. similar.Select((pairs, i) => (IReadOnlyList<SimilarResume>)[.. pairs
            .Where(x => who.ContainsKey(x.OtherCandidateId))
            .Select(x => (x.Similarity, Other: who[x.OtherCandidateId]))
            .Select(x => new SimilarResume
            {
                OtherCandidateId = x.Other.Id, OtherExternalId = x.Other.ExternalId, OtherLegalName = x.Other.LegalName,
                OtherStatus = x.Other.Status, Similarity = x.Similarity,
                SharedPassage = x.Other.ResumeText is null ? null : ResumeFingerprint.SharedPassage(dossiers[i].ResumeText!, x.Other.ResumeText),
            })])];
    }

    /// <summary>A candidate as it is locked for vetting: its current revision and what the writer compares against.</summary>
    public sealed record Row
    {
        public long Id { get; init; }
        public string ExternalId { get; init; } = "";
        public string? Band { get; init; }
        public string Status { get; init; } = "";
        public long RevisionId { get; init; }
        public string Dossier { get; init; } = "";
        public string SensitiveProtected { get; init; } = "";
        public bool WasRejected { get; init; }
        public bool FirstOfRevision { get; init; }
        public long[]? MinHash { get; init; }
        public DateTimeOffset SubmittedAt { get; init; }
        /// <summary>The traceparent of the request that submitted this revision, until its first vetting.</summary>
        public string? SubmissionTrace { get; init; }
    }

    private sealed record SharedRow
    {
        public long CandidateId { get; init; }
        public string Kind { get; init; } = "";
        public string Display { get; init; } = "";
        public long OtherCandidateId { get; init; }
        public string OtherExternalId { get; init; } = "";
        public string OtherLegalName { get; init; } = "";
        public string OtherStatus { get; init; } = "";
        public string? OtherResidence { get; init; }

        public SharedIdentifier Identifier => new()
        {
            Kind = Kind,
            Display = Display,
            OtherCandidateId = OtherCandidateId,
            OtherExternalId = OtherExternalId,
            OtherLegalName = OtherLegalName,
            OtherStatus = OtherStatus,
            OtherResidence = OtherResidence,
        };
    }

    private sealed record SightingRow
    {
        public long CandidateId { get; init; }
        public string Kind { get; init; } = "";
        public string Display { get; init; } = "";
        public string? MineReference { get; init; }
        public long OtherCandidateId { get; init; }
        public string OtherExternalId { get; init; } = "";
        public string OtherLegalName { get; init; } = "";
        public string OtherStatus { get; init; } = "";
        public string? OtherReference { get; init; }

        public SharedSighting Sighting => new()
        {
            Kind = Kind, Display = Display, MineReference = MineReference, OtherCandidateId = OtherCandidateId,
            OtherExternalId = OtherExternalId, OtherLegalName = OtherLegalName, OtherStatus = OtherStatus, OtherReference = OtherReference,
        };
    }

    private sealed record VerificationRow
    {
        public long Id { get; init; }
        public long CandidateId { get; init; }
        public string Vendor { get; init; } = "";
        public string VendorReference { get; init; } = "";
        public DateTimeOffset? VerifiedAt { get; init; }
        public string? DocumentType { get; init; }
        public string? DocumentCountry { get; init; }
        public string? LivenessOutcome { get; init; }
        public string? DocumentOutcome { get; init; }
        public string SensitiveProtected { get; init; } = "";

        public IdentityVerificationResult Decrypt(ISensitiveData sensitive)
        {
            var secrets = IdentityVerificationSecrets.Read(sensitive, SensitiveProtected);
            return new()
            {
                Id = Id, Vendor = Vendor, VendorReference = VendorReference, VerifiedAt = VerifiedAt, DocumentType = DocumentType,
                DocumentCountry = DocumentCountry, LivenessOutcome = LivenessOutcome, DocumentOutcome = DocumentOutcome,
                VerifiedName = secrets.VerifiedName, DateOfBirth = secrets.DateOfBirth,
            };
        }
    }

    private sealed record NearRow
    {
        public long CandidateId { get; init; }
        public long OtherCandidateId { get; init; }
        public long[] MinHash { get; init; } = [];
    }

    private sealed record SimilarCandidate
    {
        public long Id { get; init; }
        public string ExternalId { get; init; } = "";
        public string LegalName { get; init; } = "";
        public string Status { get; init; } = "";
        public string? ResumeText { get; init; }
    }
}
