using System.Diagnostics;
using Dapper;
using Npgsql;

namespace HireVet.Scale.Seeding;

/// <summary>Half a year of security reviewers' work for the auditor pages to page through: decisions on flagged
/// candidates (each on the candidate's latest assessment), second reviewers' verdicts where four eyes are required,
/// the candidates' statuses moved as the application moves them, and an audit record per decision and per verdict,
/// queued for the application's own chain writer to link (so the chain's hashes are the application's). Written once
/// per kept database: a database that already has decisions is left as it is. Rows are written in SQL, not through
/// the commands (which would take hours for tens of thousands of decisions), with the commands' shapes.</summary>
public static class DecisionHistory
{
    public sealed record Result(long Decisions, long Approvals, long AuditRecords, bool SeededNow, TimeSpan Took);

    /// <summary>Decisions written into a database that has none: about two thirds of the seeded flagged candidates.</summary>
    public const int Target = 20_000;

    // Of every 20 flagged candidates picked: 12 cleared, 6 rejected, 2 asked for information. Rejections and
    // decisions on band high need a second reviewer: 18 of 20 of those are approved, 1 declined, 1 still waiting.
    private const string SeedSql = """
        create temporary table picked on commit drop as
        select c.id as candidate_id, c.band, a.id as assessment_id, row_number() over (order by c.id) as n
        from candidates c
        cross join lateral (select id from assessments where candidate_id = c.id order by id desc limit 1) a
        where c.status = 'review' and c.band in ('review', 'high')
        order by c.id
        limit @Target;

        create temporary table made on commit drop as
        select o.*,
               case when not o.requires_approval or o.n % 20 = 19 then null when o.n % 20 = 13 then 'declined' else 'approved' end as verdict,
               null::bigint as decision_id
        from (select d.*, d.outcome = 'reject' or d.band = 'high' as requires_approval
              from (select p.*,
                           case when p.n % 20 < 12 then 'clear' when p.n % 20 < 18 then 'reject' else 'request_information' end as outcome,
                           @Now - make_interval(days => (p.n % 182)::int, hours => (p.n % 9)::int) as decided_at,
                           'reviewer-' || (p.n % 12) as decided_by, 'reviewer-' || ((p.n + 5) % 12) as approver
                    from picked p) d) o;

        with inserted as (
          insert into decisions (candidate_id, assessment_id, outcome, justification, band_at_decision, requires_approval, decided_by, decided_at)
          select candidate_id, assessment_id, outcome,
                 case outcome when 'clear' then 'The flagged signals are explained by the documents the candidate provided.'
                              when 'reject' then 'Pay goes to a third party and the identity documents do not match the payroll name.'
                              else 'Ask the candidate to explain the shared phone number before deciding.' end,
                 band, requires_approval, decided_by, decided_at
          from made order by decided_at, candidate_id
          returning id, candidate_id)
        update made m set decision_id = i.id from inserted i where i.candidate_id = m.candidate_id;

        insert into decision_approvals (decision_id, verdict, justification, approver, approved_at)
        select decision_id, verdict,
               case verdict when 'approved' then 'I read the evidence myself and agree with the decision.'
                            else 'The evidence does not carry this decision; look again.' end,
               approver, least(decided_at + interval '20 hours', @Now)
        from made where verdict is not null order by decided_at;

        update candidates c
        set status = case when m.verdict = 'declined' then 'review'
                          when m.requires_approval and m.verdict is null then 'awaiting_approval'
                          when m.outcome = 'clear' then 'cleared'
                          when m.outcome = 'reject' then 'rejection_pending'
                          else 'information_requested' end,
            review_since = case when m.verdict = 'declined' then least(m.decided_at + interval '20 hours', @Now) end,
            claimed_by = null, claimed_at = null,
            updated_at = greatest(m.decided_at, case when m.verdict is not null then least(m.decided_at + interval '20 hours', @Now) end)
        from made m where c.id = m.candidate_id;

        with records as (
          select m.decided_at as occurred_at, m.decided_by as actor, 'DecideCandidate' as action, 'candidate' as target_type,
                 m.candidate_id::text as target_id,
                 json_build_object('decisionId', m.decision_id, 'outcome', m.outcome, 'assessmentId', m.assessment_id)::text as details
          from made m
          union all
          select least(m.decided_at + interval '20 hours', @Now), m.approver, 'ReviewDecision', 'decision', m.decision_id::text,
                 json_build_object('candidateId', m.candidate_id, 'verdict', m.verdict)::text
          from made m where m.verdict is not null),
        appended as (
          insert into audit_records (occurred_at, actor, actor_role, action, target_type, target_id, request_digest, details)
          select occurred_at, actor, 'security', action, target_type, target_id, encode(sha256(convert_to(details, 'UTF8')), 'hex'), details
          from records order by occurred_at
          returning id)
        insert into audit_unchained (record_id) select id from appended;
        """;

    private const string CountsSql = """
        select (select count(*) from decisions) as decisions, (select count(*) from decision_approvals) as approvals,
               (select count(*) from audit_records) as audit_records
        """;

    public static async Task<Result> EnsureAsync(string connectionString, int target, Action<string> log)
    {
        var clock = Stopwatch.StartNew();
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync();
        var seeded = false;
        if (await db.ExecuteScalarAsync<long>("select count(*) from decisions") == 0)
        {
            await using var tx = await db.BeginTransactionAsync();
            await db.ExecuteAsync(new CommandDefinition(SeedSql, new { Target = target, Now = DateTimeOffset.UtcNow }, tx, commandTimeout: 0));
            await tx.CommitAsync();
            seeded = true;
        }
        var counts = await db.QuerySingleAsync<(long Decisions, long Approvals, long AuditRecords)>(CountsSql);
        log($"decision history: {counts.Decisions:N0} decisions, {counts.Approvals:N0} verdicts, {counts.AuditRecords:N0} audit records" +
            (seeded ? $" (seeded now in {clock.Elapsed.TotalSeconds:0} s)" : " (from an earlier run)"));
        return new Result(counts.Decisions, counts.Approvals, counts.AuditRecords, seeded, clock.Elapsed);
    }
}
