using System.Text.Json;
using Dapper;
using HireVet.Application.Common;
using HireVet.Application.Common.Data;
using HireVet.Application.Common.Security;
using HireVet.Application.Dossiers;
using HireVet.Application.Dossiers.Resumes;

namespace HireVet.Application.Candidates;

/// <summary>Writes submitted dossiers, one or a batch of a bulk import, with set-based statements: a new externalId
/// creates a candidate; the same dossier again changes nothing; a changed dossier becomes a new revision and is marked
/// pending vetting, in the caller's transaction. Its vetting marks the candidates it links to for re-vetting.</summary>
public sealed class DossierStore(IDbSession db, ISensitiveData sensitive)
{
    public sealed record Stored(long Id, string ExternalId, int Revision, string Status, string Outcome);

    public sealed record Result(IReadOnlyList<Stored> Stored);

    private const string InsertCandidatesSql = """
        insert into candidates (external_id, legal_name, source, role, referrer_external_id, submitted_by, created_at, updated_at,
                                current_revision, status, vetting_status, vetting_requested_at, submission_trace)
        select external_id, legal_name, source, role, referrer, @SubmittedBy, @Now, @Now, 1, 'pending_vetting', 'pending', @Now, @SubmissionTrace
        from unnest(@ExternalIds, @LegalNames, @Sources, @Roles, @Referrers) as d(external_id, legal_name, source, role, referrer)
        on conflict (external_id) do nothing
        returning id, external_id
        """;

    private const string LockExistingSql = """
        select c.id, c.external_id, c.current_revision as revision, c.status, r.content_hash
        from candidates c
        left join candidate_revisions r on r.candidate_id = c.id and r.revision = c.current_revision
        where c.external_id = any(@ExternalIds)
        order by c.id
        for update of c
        """;

    private const string InsertRevisionsSql = """
        insert into candidate_revisions (candidate_id, revision, dossier, sensitive_protected, content_hash, submitted_by, submitted_at)
        select candidate_id, revision, dossier::jsonb, sensitive_protected, content_hash, @SubmittedBy, @Now
        from unnest(@CandidateIds, @Revisions, @Dossiers, @Protected, @ContentHashes)
             as r(candidate_id, revision, dossier, sensitive_protected, content_hash)
        """;

    // Only for revised candidates: a created one was inserted as revision 1, pending.
    private const string MarkPendingSql = """
        update candidates c
        set legal_name = d.legal_name, source = d.source, role = d.role, referrer_external_id = d.referrer, updated_at = @Now,
            current_revision = d.revision, status = 'pending_vetting', vetting_status = 'pending', vetting_requested_at = @Now,
            vetting_attempts = 0, claimed_by = null, claimed_at = null, review_since = null, submission_trace = @SubmissionTrace
        from unnest(@CandidateIds, @Revisions, @LegalNames, @Sources, @Roles, @Referrers)
             as d(id, revision, legal_name, source, role, referrer)
        where c.id = d.id
        """;

    // The deletes run only for revised candidates (@CandidateIds): a created one has nothing to replace.
    private const string DeleteIdentifiersSql = "delete from candidate_identifiers where candidate_id = any(@CandidateIds);";
    private const string InsertIdentifiersSql = """
        insert into candidate_identifiers (candidate_id, kind, value_hash, display)
        select candidate_id, kind, value_hash, display
        from unnest(@Owners, @Kinds, @Hashes, @Displays) as i(candidate_id, kind, value_hash, display)
        on conflict do nothing;
        """;

    private const string DeleteSightingsSql = "delete from network_sightings where candidate_id = any(@CandidateIds);";
    private const string InsertSightingsSql = """
        insert into network_sightings (candidate_id, actor, reference_name, kind, value_hash, display)
        select candidate_id, actor, reference_name, kind, value_hash, display
        from unnest(@Owners, @Actors, @ReferenceNames, @Kinds, @Hashes, @Displays) as s(candidate_id, actor, reference_name, kind, value_hash, display);
        """;

    // Each signature travels as an array literal (see ArrayLiterals).
    private const string DeleteFingerprintsSql = "delete from resume_fingerprints where candidate_id = any(@CandidateIds);";
    private const string InsertFingerprintsSql = """
        insert into resume_fingerprints (candidate_id, minhash, bands, words)
        select candidate_id, minhash::bigint[], bands::bigint[], words
        from unnest(@FingerprintOwners, @MinHashes, @Bands, @Words) as f(candidate_id, minhash, bands, words);
        """;

    /// <summary>A dossier made ready to store: normalised, split into the stored JSON and the encrypted secrets, hashed.</summary>
    private sealed record Prepared(Dossier Dossier, string RedactedJson, string Protected, string ContentHash,
        (string Kind, byte[] Hash, string Display)[] Identifiers, ResumeFingerprint? Fingerprint,
        (NetworkSightings.Sighting Sighting, byte[] Hash)[] Sightings);

    private Prepared Prepare(Dossier submitted)
    {
        var dossier = DossierNormalizer.Normalize(submitted);
        var (redacted, secrets) = SensitiveFields.Split(dossier);
        return new Prepared(dossier,
            JsonSerializer.Serialize(redacted, DossierJson.Options),
            sensitive.Protect(JsonSerializer.Serialize(secrets, DossierJson.Options)),
            Convert.ToHexStringLower(sensitive.KeyedHash("dossier", JsonSerializer.Serialize(dossier, DossierJson.Options))),
            [.. CandidateIdentifiers.From(dossier).Select(i => (i.Kind, sensitive.KeyedHash(i.Kind, i.Value), i.Display))],
            ResumeFingerprint.Of(dossier.ResumeText),
            [.. NetworkSightings.From(dossier).Select(s => (s, sensitive.KeyedHash(s.Kind, s.Value)))]);
    }

    /// <summary>Stores the dossiers (their externalIds must be distinct) and returns what became of each, in order. Each
    /// written candidate keeps the submitting request's span (its traceparent), so that its vetting, in a job later,
    /// links back to it.</summary>
    public async Task<Result> StoreAsync(IReadOnlyList<Dossier> dossiers, string submittedBy, DateTimeOffset now, CancellationToken ct)
    {
        // Encryption, keyed hashes and MinHash are the CPU-heavy part of a bulk import: both cores take part.
        var submissionTrace = HireVetTelemetry.CurrentTraceParent();
        var prepared = new Prepared[dossiers.Count];
        using (HireVetTelemetry.Step("dossiers.prepare", dossiers.Count))
            Parallel.For(0, dossiers.Count, new ParallelOptions { CancellationToken = ct }, i => prepared[i] = Prepare(dossiers[i]));
        await IndexLookups.PreferAsync(db, ct);

        Dictionary<string, long> created;
        Dictionary<string, Existing> existing;
        using (HireVetTelemetry.Step("dossiers.insert-and-lock", dossiers.Count))
        {
            created = (await db.Connection.QueryAsync<(long Id, string ExternalId)>(new CommandDefinition(InsertCandidatesSql, new
                {
                    ExternalIds = prepared.Select(p => p.Dossier.ExternalId!).ToArray(),
                    LegalNames = prepared.Select(p => p.Dossier.LegalName!).ToArray(),
                    Sources = prepared.Select(p => p.Dossier.Source).ToArray(),
                    Roles = prepared.Select(p => p.Dossier.Role).ToArray(),
                    Referrers = prepared.Select(p => p.Dossier.ReferrerId).ToArray(),
                    SubmittedBy = submittedBy, Now = now, SubmissionTrace = submissionTrace,
                }, db.Transaction, cancellationToken: ct)))
                .ToDictionary(c => c.ExternalId, c => c.Id);

            var others = prepared.Select(p => p.Dossier.ExternalId!).Where(id => !created.ContainsKey(id)).ToArray();
            existing = others.Length == 0 ? new Dictionary<string, Existing>()
                : (await db.Connection.QueryAsync<Existing>(new CommandDefinition(LockExistingSql, new { ExternalIds = others },
                    db.Transaction, cancellationToken: ct))).ToDictionary(e => e.ExternalId);
        }

        var stored = new Stored[prepared.Length];
        var written = new List<(Prepared Prepared, long Id, int Revision)>();
        var answeringNotices = new List<(long CandidateId, int Revision)>();
        for (var i = 0; i < prepared.Length; i++)
        {
            var p = prepared[i];
            if (created.TryGetValue(p.Dossier.ExternalId!, out var newId))
            {
                stored[i] = new Stored(newId, p.Dossier.ExternalId!, 1, "pending_vetting", "created");
                written.Add((p, newId, 1));
            }
            else if (existing[p.Dossier.ExternalId!] is var e && e.ContentHash == p.ContentHash)
            {
                stored[i] = new Stored(e.Id, e.ExternalId, e.Revision, e.Status, "unchanged");
            }
            else
            {
                stored[i] = new Stored(e.Id, e.ExternalId, e.Revision + 1, "pending_vetting", "revised");
                written.Add((p, e.Id, e.Revision + 1));
                if (Notices.NoticeResponses.WaitsForResponse(e.Status)) answeringNotices.Add((e.Id, e.Revision + 1));
            }
        }
        if (written.Count == 0) return new Result(stored);

        await Notices.NoticeResponses.RecordUpdatedDossiersAsync(db, answeringNotices, submittedBy, now, ct);
        await WriteRevisionsAsync(written, submittedBy, now, submissionTrace, ct);
        return new Result(stored);
    }

    private async Task WriteRevisionsAsync(List<(Prepared Prepared, long Id, int Revision)> written, string submittedBy,
        DateTimeOffset now, string? submissionTrace, CancellationToken ct)
    {
        var ids = written.Select(w => w.Id).ToArray();
        var revisions = written.Select(w => w.Revision).ToArray();
        using (HireVetTelemetry.Step("dossiers.revisions", ids.Length))
            await db.Connection.ExecuteAsync(new CommandDefinition(InsertRevisionsSql, new
            {
                CandidateIds = ids, Revisions = revisions,
                Dossiers = written.Select(w => w.Prepared.RedactedJson).ToArray(),
                Protected = written.Select(w => w.Prepared.Protected).ToArray(),
                ContentHashes = written.Select(w => w.Prepared.ContentHash).ToArray(),
                SubmittedBy = submittedBy, Now = now,
            }, db.Transaction, cancellationToken: ct));

        var revised = written.Where(w => w.Revision > 1).ToArray();
        var revisedIds = revised.Select(w => w.Id).ToArray();
        if (revised.Length > 0)
            using (HireVetTelemetry.Step("dossiers.mark-pending", revised.Length))
                await db.Connection.ExecuteAsync(new CommandDefinition(MarkPendingSql, new
                {
                    CandidateIds = revisedIds, Revisions = revised.Select(w => w.Revision).ToArray(),
                    LegalNames = revised.Select(w => w.Prepared.Dossier.LegalName!).ToArray(),
                    Sources = revised.Select(w => w.Prepared.Dossier.Source).ToArray(),
                    Roles = revised.Select(w => w.Prepared.Dossier.Role).ToArray(),
                    Referrers = revised.Select(w => w.Prepared.Dossier.ReferrerId).ToArray(),
                    Now = now, SubmissionTrace = submissionTrace,
                }, db.Transaction, cancellationToken: ct));
        // Nothing to delete for created candidates, nor to insert when none has any: those statements are left out.
        string Replacing(string delete, string insert) => revised.Length > 0 ? delete + "\n" + insert : insert;

        var identifiers = written.SelectMany(w => w.Prepared.Identifiers.Select(i => (w.Id, i.Kind, i.Hash, i.Display))).ToArray();
        if (identifiers.Length > 0 || revised.Length > 0)
            using (HireVetTelemetry.Step("dossiers.identifiers", identifiers.Length))
                await db.Connection.ExecuteAsync(new CommandDefinition(Replacing(DeleteIdentifiersSql, InsertIdentifiersSql), new
                {
                    CandidateIds = revisedIds,
                    Owners = identifiers.Select(i => i.Id).ToArray(),
                    Kinds = identifiers.Select(i => i.Kind).ToArray(),
                    Hashes = identifiers.Select(i => i.Hash).ToArray(),
                    Displays = identifiers.Select(i => i.Display).ToArray(),
                }, db.Transaction, cancellationToken: ct));

        var sightings = written.SelectMany(w => w.Prepared.Sightings.Select(s => (w.Id, s.Sighting, s.Hash))).ToArray();
        if (sightings.Length > 0 || revised.Length > 0)
            using (HireVetTelemetry.Step("dossiers.network-sightings", sightings.Length))
                await db.Connection.ExecuteAsync(new CommandDefinition(Replacing(DeleteSightingsSql, InsertSightingsSql), new
                {
                    CandidateIds = revisedIds,
                    Owners = sightings.Select(s => s.Id).ToArray(),
                    Actors = sightings.Select(s => s.Sighting.Actor).ToArray(),
                    ReferenceNames = sightings.Select(s => s.Sighting.ReferenceName).ToArray(),
                    Kinds = sightings.Select(s => s.Sighting.Kind).ToArray(),
                    Hashes = sightings.Select(s => s.Hash).ToArray(),
                    Displays = sightings.Select(s => s.Sighting.Display).ToArray(),
                }, db.Transaction, cancellationToken: ct));
        var fingerprints = written.Where(w => w.Prepared.Fingerprint is not null).Select(w => (w.Id, Fingerprint: w.Prepared.Fingerprint!)).ToArray();
        if (fingerprints.Length > 0 || revised.Length > 0)
            using (HireVetTelemetry.Step("dossiers.fingerprints", fingerprints.Length))
                await db.Connection.ExecuteAsync(new CommandDefinition(Replacing(DeleteFingerprintsSql, InsertFingerprintsSql), new
                {
                    CandidateIds = revisedIds,
                    FingerprintOwners = fingerprints.Select(f => f.Id).ToArray(),
                    MinHashes = fingerprints.Select(f => ArrayLiterals.Of(f.Fingerprint.MinHash)).ToArray(),
                    Bands = fingerprints.Select(f => ArrayLiterals.Of(f.Fingerprint.BandHashes())).ToArray(),
                    Words = fingerprints.Select(f => f.Fingerprint.Words).ToArray(),
                }, db.Transaction, cancellationToken: ct));
    }

    private sealed record Existing
    {
        public long Id { get; init; }
        public string ExternalId { get; init; } = "";
        public int Revision { get; init; }
        public string Status { get; init; } = "";
        public string? ContentHash { get; init; }
    }
}
