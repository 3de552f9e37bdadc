using Dapper;
using FluentValidation;
using HireVet.Application.Common.Data;
using HireVet.Application.Common.Security;
using MediatR;

namespace HireVet.Application.Candidates;

/// <summary>Everything that happened to a candidate, newest first: dossier revisions, assessments, decisions and
/// second reviews, the hire, and after it the observations (endpoint, MFA, payroll and equipment records) and the
/// sign-ins, a line a day. HR reads submissions, bands, outcomes and the hire, without who decided or why.</summary>
public static class GetCandidateTimeline
{
    public const int PageSize = 50;

    public sealed record Query(long Id, int Page = 1) : IRequest<Response>;

    public sealed record Response(Entry[] Entries, int Page, bool HasMore);

    public sealed record Entry
    {
        public DateTimeOffset At { get; init; }
        /// <summary>submission, assessment, decision, approval, hire, observation, sign_ins.</summary>
        public string Kind { get; init; } = "";
        public string Title { get; init; } = "";
        public string? Actor { get; init; }
        public string? Detail { get; init; }
        public string? Band { get; init; }
    }

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Page).InclusiveBetween(1, 10_000);
    }

    public sealed class Handler(IDbSession db, ICurrentActor actor) : IRequestHandler<Query, Response>
    {
        // Each branch reads one index by candidate (or by worker); sign-ins are counted per day on the worker's index.
        private const string Sql = """
            with w as (select id from workers where candidate_id = @Id)
            select at, kind, title, actor, detail, band from (
              select r.submitted_at as at, 'submission' as kind, 'Dossier revision ' || r.revision as title,
                     r.submitted_by as actor, null::text as detail, null::text as band
              from candidate_revisions r where r.candidate_id = @Id
              union all
              select a.assessed_at, 'assessment', 'Assessed: band ' || a.band, null,
                     'score ' || a.score || ', ' || jsonb_array_length(a.signals) || ' signals, ruleset ' || a.ruleset_version, a.band
              from assessments a where a.candidate_id = @Id
              union all
              select d.decided_at, 'decision', 'Decision: ' || replace(d.outcome, '_', ' ')
                     || case when d.requires_approval then ' (needs a second reviewer)' else '' end,
                     d.decided_by, d.justification, d.band_at_decision
              from decisions d where d.candidate_id = @Id
              union all
              select ap.approved_at, 'approval', 'Second review: ' || ap.verdict || ' the ' || replace(d.outcome, '_', ' '),
                     ap.approver, ap.justification, null
              from decisions d join decision_approvals ap on ap.decision_id = d.id where d.candidate_id = @Id
              union all
              select wk.hired_at, 'hire', 'Hired as employee ' || wk.employee_id, wk.hired_by,
                     'work e-mail ' || wk.work_email || ', starts ' || wk.start_date, null
              from workers wk where wk.candidate_id = @Id
              union all
              select wr.occurred_at, 'observation',
                     case wr.kind when 'endpoint' then 'Endpoint inventory snapshot' when 'mfa' then 'MFA device registered'
                                  when 'payroll' then 'Payroll destination changed' else 'Equipment record' end,
                     null, case when wr.device_id is null then null else 'device ' || wr.device_id end, null
              from worker_records wr where @Full and wr.worker_id in (select id from w)
              union all
              select day, 'sign_ins', total || case when total = 1 then ' sign-in' else ' sign-ins' end
                     || case when failed > 0 then ' (' || failed || ' failed)' else '' end, null,
                     case when countries is null then null else 'countries the identity provider reported: ' || countries end, null
              from (select date_trunc('day', s.occurred_at) as day, count(*) as total, count(*) filter (where not s.succeeded) as failed,
                           string_agg(distinct s.reported_country, ', ') as countries
                    from sign_in_events s where @Full and s.worker_id in (select id from w)
                    group by 1) days
            ) entries
            order by at desc, kind
            limit @Take offset @Skip
            """;

        public async Task<Response> Handle(Query query, CancellationToken ct)
        {
            var full = actor.Role != Roles.Hr;
            var rows = (await db.Connection.QueryAsync<Entry>(new CommandDefinition(Sql,
                new { query.Id, Full = full, Take = PageSize + 1, Skip = (query.Page - 1) * PageSize }, db.Transaction, cancellationToken: ct))).ToList();
            var more = rows.Count > PageSize;
            var page = rows.Take(PageSize).Select(e => full || e.Kind is "submission" or "hire" ? e : e with { Actor = null, Detail = null });
            return new Response(page.ToArray(), query.Page, more);
        }
    }
}
