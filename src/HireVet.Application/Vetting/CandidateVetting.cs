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
using HireVet.Application.Vetting.Scoring;
using HireVet.Application.Webhooks;
using Microsoft.Extensions.Logging;

namespace HireVet.Application.Vetting;

/// <summary>Vets candidates that are pending vetting, one (the scheduler's job) or a batch (a bulk import): runs every
/// check on each one's current revision and stores a new assessment. Every lookup is one set-based query for the whole
/// batch, and the checks run on both cores. A candidate that is no longer pending, or that another node is vetting
/// right now (its row is locked), is left alone. The first vetting of a new revision also marks for re-vetting the
/// stored candidates it links to (its ring, near-duplicate resumes): what they are linked to changed. Finding them
/// here rather than at submission reuses the lookups vetting does anyway, and keeps them out of the submission's
/// request.</summary>
public sealed class CandidateVetting(IDbSession db, ISensitiveData sensitive, IReferenceData referenceData,
    IAfterCommit afterCommit, IVettingScheduler scheduler, TimeProvider clock, ILogger<CandidateVetting> logger)
{
    public sealed record Vetted(long CandidateId, long AssessmentId, int Score, string Band, string Status, long[] ReferredRevetted,
        long[] LinkedRevetted)
    {
        /// <summary>A hired worker whose band rose: the case reopened and subscribers were told.</summary>
        public bool BandRaised { get; init; }
        public int Signals { get; init; }
    }

    private const string LockSql = """
        select c.id, c.external_id, c.status, c.band, r.id as revision_id, r.dossier::text as dossier, r.sensitive_protected,
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

    private const string ReferrersSql = "select id, external_id, legal_name, status, band from candidates where external_id = any(@ExternalIds)";

    private const string InsertAssessmentsSql = """
        insert into assessments (candidate_id, revision_id, score, band, ruleset_version, ruleset_hash, signals, trace,
                                 reference_data, assessed_at, rescreen_run_id)
        select candidate_id, revision_id, score, band, @RulesetVersion, @RulesetHash, signals::jsonb, trace::jsonb,
               @ReferenceData::jsonb, @Now, @RescreenRunId
        from unnest(@CandidateIds, @RevisionIds, @Scores, @Bands, @Signals, @Traces)
             as a(candidate_id, revision_id, score, band, signals, trace)
        returning id, candidate_id
        """;

    private const string CompleteSql = """
        update candidates c
        set vetting_status = 'completed', score = v.score, band = v.band, status = v.status, updated_at = @Now,
            claimed_by = case when c.status = v.status then c.claimed_by end,
            claimed_at = case when c.status = v.status then c.claimed_at end,
            review_since = case when v.status <> 'review' then null when c.status = 'review' then c.review_since else @Now end,
            indicator_ids = v.indicator_ids::text[]
        from unnest(@CandidateIds, @Scores, @Bands, @Statuses, @IndicatorIds) as v(id, score, band, status, indicator_ids)
        where c.id = v.id
        """;

    private const string ReferredSql = """
        select referrer_external_id, id from candidates where referrer_external_id = any(@ExternalIds)
        """;

    /// <summary>Only a clean band clears without a human, and never someone already rejected. A human's decision
    /// stands when a re-vet (a new ring member, say) adds an assessment, except a decision still waiting for its
    /// second reviewer: it rested on the old assessment, so the candidate goes back to the queue.</summary>
    private static string NextStatus(string current, string band, bool wasRejected) => current switch
    {
        "pending_vetting" or "clear" or "review" => band == "clear" && !wasRejected ? "clear" : "review",
        "awaiting_approval" => "review",
        _ => current,
    };

    /// <summary>Vets those of the candidates still pending; <paramref name="rescreenRunId"/> is the re-screening run
    /// this vetting belongs to, stored with each assessment (a run assesses a candidate at most once: the database
    /// refuses a second).</summary>
    public async Task<IReadOnlyList<Vetted>> VetAsync(IReadOnlyCollection<long> candidateIds, CancellationToken ct, long? rescreenRunId = null)
    {
        var reference = await referenceData.LoadedAsync(ct); // before taking the row locks
        await IndexLookups.PreferAsync(db, ct);
        var rows = (await db.Connection.QueryAsync<Row>(new CommandDefinition(LockSql, new { Ids = candidateIds.ToArray() },
            db.Transaction, cancellationToken: ct))).ToArray();
        if (rows.Length == 0) return [];
        var ids = rows.Select(r => r.Id).ToArray();
        var times = new StepTimes();
        times.Step("lock");

        var dossiers = new Dossier[rows.Length];
        Parallel.For(0, rows.Length, new ParallelOptions { CancellationToken = ct }, i =>
        {
            var redacted = JsonSerializer.Deserialize<Dossier>(rows[i].Dossier, DossierJson.Options)!;
            dossiers[i] = JsonSerializer.Deserialize<SensitiveFields>(sensitive.Unprotect(rows[i].SensitiveProtected), DossierJson.Options)!
                .MergeInto(redacted);
        });

        times.Step("decrypt");
        var shared = (await db.Connection.QueryAsync<SharedRow>(new CommandDefinition(SharedSql, new { Ids = ids }, db.Transaction, cancellationToken: ct)))
            .ToLookup(s => s.CandidateId, s => s.Identifier);
        times.Step("shared");
        var rings = await CandidateGraph.ComponentsAsync(db, ids, reference.Get<NetworkIntelligence>(Datasets.Network), ct);
        times.Step("rings");
        var similar = await SimilarResumesAsync(rows, dossiers, ct);
        times.Step("resumes");
        var activities = await WorkerActivities.LoadAsync(db, sensitive, ids, clock.GetUtcNow(), ct);
        times.Step("worker activity");
        var referrerIds = dossiers.Select(d => d.ReferrerId).OfType<string>().Distinct().ToArray();
        var referrers = referrerIds.Length == 0 ? new Dictionary<string, CandidateGraph.Node>()
            : (await db.Connection.QueryAsync<CandidateGraph.Node>(new CommandDefinition(ReferrersSql, new { ExternalIds = referrerIds },
                db.Transaction, cancellationToken: ct))).ToDictionary(n => n.ExternalId);

        times.Step("referrers");
        var engine = new VettingEngine(CheckCatalogue.All, await ActiveRuleset.GetAsync(db, ct));
        var outcomes = new VettingEngine.Outcome[rows.Length];
        var signals = new string[rows.Length];
        var traces = new string[rows.Length];
        Parallel.For(0, rows.Length, new ParallelOptions { CancellationToken = ct }, i =>
        {
            var d = dossiers[i];
            outcomes[i] = engine.Assess(new VettingContext(rows[i].Id, d, [.. shared[rows[i].Id]], reference)
            {
                Ring = rings[rows[i].Id],
                SimilarResumes = similar[i],
                Referrer = d.ReferrerId is null ? null : new ReferrerLookup(referrers.GetValueOrDefault(d.ReferrerId)),
                PostHire = activities.GetValueOrDefault(rows[i].Id),
            });
            signals[i] = JsonSerializer.Serialize(outcomes[i].Signals, DossierJson.Options);
            traces[i] = JsonSerializer.Serialize(outcomes[i].Trace, DossierJson.Options);
        });

        times.Step("checks");
        var now = clock.GetUtcNow();
        var assessmentIds = (await db.Connection.QueryAsync<(long Id, long CandidateId)>(new CommandDefinition(InsertAssessmentsSql, new
        {
            CandidateIds = ids,
            RevisionIds = rows.Select(r => r.RevisionId).ToArray(),
            Scores = outcomes.Select(o => o.Score).ToArray(),
            Bands = outcomes.Select(o => o.Band).ToArray(),
            Signals = signals,
            Traces = traces,
            RulesetVersion = engine.Ruleset.Version,
            RulesetHash = engine.Ruleset.Hash,
            ReferenceData = JsonSerializer.Serialize(reference.Datasets.Select(d => new { d.Name, d.AsOf, d.Status, d.Rows }), DossierJson.Options),
            Now = now,
            RescreenRunId = rescreenRunId,
        }, db.Transaction, cancellationToken: ct))).ToDictionary(a => a.CandidateId, a => a.Id);

        times.Step("insert");
        // A hired worker whose band rises has a case again: it reopens in the security queue, and subscribers
        // (a SOAR, the identity provider) are told, so that the account can be suspended while a human looks.
        var raised = rows.Select((r, i) => activities.ContainsKey(r.Id) && Rank(outcomes[i].Band) > Rank(r.Band) && r.Status != "rejected").ToArray();
        var statuses = rows.Select((r, i) => raised[i] ? "review" : NextStatus(r.Status, outcomes[i].Band, r.WasRejected)).ToArray();
        var bandRaised = new List<object>();
        for (var i = 0; i < rows.Length; i++)
        {
            if (!raised[i]) continue;
            var (r, o, worker) = (rows[i], outcomes[i], activities[rows[i].Id]);
            bandRaised.Add(new
            {
                Event = WebhookOutbox.WorkerBandRaised,
                CandidateId = r.Id,
                r.ExternalId,
                worker.WorkerId,
                worker.EmployeeId,
                worker.WorkEmail,
                PreviousBand = r.Band,
                o.Band,
                o.Score,
                AssessmentId = assessmentIds[r.Id],
                Indicators = o.Signals.Where(sg => sg.Weight > 0).Select(sg => sg.IndicatorId).Distinct().ToArray(),
                OccurredAt = now,
            });
        }
        await WebhookOutbox.EnqueueAsync(db, WebhookOutbox.WorkerBandRaised, bandRaised, now, ct);
        await db.Connection.ExecuteAsync(new CommandDefinition(CompleteSql, new
        {
            CandidateIds = ids,
            Scores = outcomes.Select(o => o.Score).ToArray(),
            Bands = outcomes.Select(o => o.Band).ToArray(),
            Statuses = statuses,
            Now = now,
            IndicatorIds = outcomes.Select(o => ArrayLiterals.Of(o.Signals.Select(s => s.IndicatorId).Distinct().Order(StringComparer.Ordinal))).ToArray(),
        }, db.Transaction, cancellationToken: ct));

        // The candidates a changed candidate referred read its status and band: they are vetted again.
        var changed = rows.Where((r, i) => statuses[i] != r.Status || outcomes[i].Band != r.Band).Select(r => r.ExternalId).ToArray();
        var referred = changed.Length == 0 ? Array.Empty<(string ReferrerExternalId, long Id)>().ToLookup(r => r.ReferrerExternalId, r => r.Id)
            : (await db.Connection.QueryAsync<(string ReferrerExternalId, long Id)>(new CommandDefinition(ReferredSql, new { ExternalIds = changed },
                db.Transaction, cancellationToken: ct))).ToLookup(r => r.ReferrerExternalId, r => r.Id);
        // A new revision changed what its ring members and near-duplicates are linked to: they are vetted again.
        var linked = rows.Select((r, i) => r.FirstOfRevision
            ? ToRevet(rings[r.Id]).Concat(similar[i].Select(s => s.OtherCandidateId)).Distinct().ToArray()
            : []).ToArray();
        var vettedNow = ids.ToHashSet();
        var revetted = (await LinkedRevetting.RevetAsync(db, afterCommit, scheduler,
            referred.SelectMany(g => g).Concat(linked.SelectMany(l => l)).Where(id => !vettedNow.Contains(id)), now, ct)).ToHashSet();

        times.Step("revet");
        logger.LogDebug("Vetted {Count} candidates: {Steps}", rows.Length, times);
        return [.. rows.Select((r, i) => new Vetted(r.Id, assessmentIds[r.Id], outcomes[i].Score, outcomes[i].Band, statuses[i],
            [.. referred[r.ExternalId].Where(revetted.Contains)], [.. linked[i].Where(revetted.Contains)])
            { BandRaised = raised[i], Signals = outcomes[i].Signals.Count })];
    }

    private static int Rank(string? band) => band switch { "high" => 2, "review" => 1, _ => 0 };

    /// <summary>A ring grown beyond this has its ring signal on every member already; only its member list grows.</summary>
    public const int SmallRing = 10;

    /// <summary>Who must be vetted again when a candidate joins a ring: those it shares an identifier with (their
    /// shared-identifier signals change), and, while the ring is small, every member (their ring signal may appear or
    /// rise). Re-vetting every member of a big ring on each arrival made one busy identifier a re-vetting storm: in
    /// the scale benchmark, 6,500 submissions marked 50,000 candidates pending.</summary>
    private static IEnumerable<long> ToRevet(CandidateGraph.Graph ring) =>
        (ring.Nodes.Count <= SmallRing
            ? ring.Nodes.Select(n => n.Id)
            : ring.Edges.Where(e => e.From == ring.CandidateId || e.To == ring.CandidateId).Select(e => e.From == ring.CandidateId ? e.To : e.From))
        .Where(id => id != ring.CandidateId);

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

    private sealed record Row
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
