using System.Text.Json;
using Dapper;
using HireVet.Application.Common;
using HireVet.Application.Common.Data;
using HireVet.Application.Dossiers;
using HireVet.Application.Vetting.Scoring;
using HireVet.Application.Webhooks;

namespace HireVet.Application.Vetting;

/// <summary>Vetting's last stage: stores each candidate's new assessment and what follows from it: the candidate's band
/// and status, a reopened case and a webhook event for a hired worker whose band rose, and re-vetting for the candidates
/// that read this one (those it referred, and, on a new revision, its ring and near-duplicate resumes).</summary>
public sealed class AssessmentWriter(IDbSession db, IAfterCommit afterCommit, IVettingScheduler scheduler, TimeProvider clock)
{
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
            indicator_ids = v.indicator_ids::text[], submission_trace = null
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

    public async Task<IReadOnlyList<CandidateVetting.Vetted>> WriteAsync(IReadOnlyList<VettingInputs.Subject> subjects,
        IReadOnlyList<VettingEngine.Outcome> outcomes, Ruleset ruleset, long? rescreenRunId, CancellationToken ct)
    {
        var rows = subjects.Select(s => s.Row).ToArray();
        var ids = rows.Select(r => r.Id).ToArray();
        var reference = subjects[0].Context.Reference;
        var signals = new string[rows.Length];
        var traces = new string[rows.Length];
        Parallel.For(0, rows.Length, new ParallelOptions { CancellationToken = ct }, i =>
        {
            signals[i] = JsonSerializer.Serialize(outcomes[i].Signals, DossierJson.Options);
            traces[i] = JsonSerializer.Serialize(outcomes[i].Trace, DossierJson.Options);
        });

        var now = clock.GetUtcNow();
        Dictionary<long, long> assessmentIds;
        using (HireVetTelemetry.Step("vetting.insert-assessments", rows.Length))
            assessmentIds = (await db.Connection.QueryAsync<(long Id, long CandidateId)>(new CommandDefinition(InsertAssessmentsSql, new
            {
                CandidateIds = ids, RevisionIds = rows.Select(r => r.RevisionId).ToArray(),
                Scores = outcomes.Select(o => o.Score).ToArray(), Bands = outcomes.Select(o => o.Band).ToArray(),
                Signals = signals, Traces = traces,
                RulesetVersion = ruleset.Version, RulesetHash = ruleset.Hash,
                ReferenceData = JsonSerializer.Serialize(reference.Datasets.Select(d => new { d.Name, d.AsOf, d.Status, d.Rows }), DossierJson.Options),
                Now = now, RescreenRunId = rescreenRunId,
            }, db.Transaction, cancellationToken: ct))).ToDictionary(a => a.CandidateId, a => a.Id);
        // A revision's first assessment ends the wait its submitter sees, once committed; re-vettings (a ring grew) and
        // re-screening do not.
        var waited = rescreenRunId is null ? rows.Where(r => r.FirstOfRevision).Select(r => Math.Max(0, (now - r.SubmittedAt).TotalSeconds)).ToArray() : [];
        if (waited.Length > 0 && HireVetTelemetry.SubmissionToAssessment.Enabled)
            afterCommit.Enqueue(_ =>
            {
                foreach (var seconds in waited) HireVetTelemetry.SubmissionToAssessment.Record(seconds);
                return Task.CompletedTask;
            });

        using var complete = HireVetTelemetry.Step("vetting.complete", rows.Length);
        // A hired worker whose band rises has a case again: it reopens in the security queue, and subscribers
        // (a SOAR, the identity provider) are told, so that the account can be suspended while a human looks.
        var raised = subjects.Select((s, i) => s.Context.PostHire is not null && Rank(outcomes[i].Band) > Rank(s.Row.Band) && s.Row.Status != "rejected").ToArray();
        var statuses = rows.Select((r, i) => raised[i] ? "review" : NextStatus(r.Status, outcomes[i].Band, r.WasRejected)).ToArray();
        var bandRaised = new List<object>();
        for (var i = 0; i < rows.Length; i++)
        {
            if (!raised[i]) continue;
            var (r, o, worker) = (rows[i], outcomes[i], subjects[i].Context.PostHire!);
            bandRaised.Add(new
            {
                Event = WebhookOutbox.WorkerBandRaised, CandidateId = r.Id, r.ExternalId, worker.WorkerId, worker.EmployeeId, worker.WorkEmail,
                PreviousBand = r.Band, o.Band, o.Score, AssessmentId = assessmentIds[r.Id],
                Indicators = o.Signals.Where(sg => sg.Weight > 0).Select(sg => sg.IndicatorId).Distinct().ToArray(), OccurredAt = now,
            });
        }
        await WebhookOutbox.EnqueueAsync(db, WebhookOutbox.WorkerBandRaised, bandRaised, now, ct);
        await db.Connection.ExecuteAsync(new CommandDefinition(CompleteSql, new
        {
            CandidateIds = ids, Scores = outcomes.Select(o => o.Score).ToArray(), Bands = outcomes.Select(o => o.Band).ToArray(),
            Statuses = statuses, Now = now,
            IndicatorIds = outcomes.Select(o => ArrayLiterals.Of(o.Signals.Select(s => s.IndicatorId).Distinct().Order(StringComparer.Ordinal))).ToArray(),
        }, db.Transaction, cancellationToken: ct));
        await AtsNoteOutbox.EnqueueAsync(db, AtsNoteOutbox.Vetted, ids, now, ct);

        // The candidates a changed candidate referred read its status and band: they are vetted again.
        var changed = rows.Where((r, i) => statuses[i] != r.Status || outcomes[i].Band != r.Band).Select(r => r.ExternalId).ToArray();
        var referred = changed.Length == 0 ? Array.Empty<(string ReferrerExternalId, long Id)>().ToLookup(r => r.ReferrerExternalId, r => r.Id)
            : (await db.Connection.QueryAsync<(string ReferrerExternalId, long Id)>(new CommandDefinition(ReferredSql, new { ExternalIds = changed },
                db.Transaction, cancellationToken: ct))).ToLookup(r => r.ReferrerExternalId, r => r.Id);
        // A new revision changed what its ring members, near-duplicates and the candidates sharing a network address or
        // device with it or its references (LINK-12) are linked to: they are vetted again.
        var linked = subjects.Select(s => s.Row.FirstOfRevision
            ? ToRevet(s.Context.Ring!).Concat(s.Context.SimilarResumes!.Select(r => r.OtherCandidateId))
                .Concat((s.Context.SharedSightings ?? []).Select(x => x.OtherCandidateId)).Distinct().ToArray()
            : []).ToArray();
        var vettedNow = ids.ToHashSet();
        var revetted = (await LinkedRevetting.RevetAsync(db, afterCommit, scheduler,
            referred.SelectMany(g => g).Concat(linked.SelectMany(l => l)).Where(id => !vettedNow.Contains(id)), now, ct)).ToHashSet();

        return [.. rows.Select((r, i) => new CandidateVetting.Vetted(r.Id, assessmentIds[r.Id], outcomes[i].Score, outcomes[i].Band, statuses[i],
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
}
