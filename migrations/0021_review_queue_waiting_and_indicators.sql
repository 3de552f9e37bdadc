-- The review queue as a workbench: how long each candidate has waited, and which indicators its latest assessment
-- raised, on the candidate row, so that filtering, sorting and counting the queue read only the queue's own indexes.

-- When the candidate entered status 'review' (the start of its current wait in the queue); null in every other
-- status. Set by whatever moves a candidate into review (vetting, a declined four-eyes decision), kept while a re-vet
-- leaves it there, cleared when it leaves. The constraint below makes a writer that forgets it fail, not lie.
alter table candidates add column review_since timestamptz;

-- The distinct indicator ids of the latest assessment's signals, sorted; written with every assessment.
alter table candidates add column indicator_ids text[] not null default '{}';

update candidates c
set indicator_ids = array(
      select distinct s->>'indicatorId'
      from jsonb_array_elements((select a.signals from assessments a where a.candidate_id = c.id order by a.id desc limit 1)) s
      order by 1)
where exists (select 1 from assessments a where a.candidate_id = c.id);

-- Candidates already in review: the earliest event that put them there since the last one that took them out. Out:
-- a new revision (submitted), a decision, an assessment in band clear. In: an assessment in band review or high, a
-- declined four-eyes decision. Exact for every path HireVet has, except a hired worker cleared in band review and
-- re-screened in band review before a later rise: that wait counts from the first flagged re-screen. Without any such
-- event (data written outside the application), the last update.
with waiting as (
  select c.id,
         coalesce((select min(entry.at)
                   from (select a.assessed_at as at from assessments a
                         where a.candidate_id = c.id and a.band <> 'clear' and a.assessed_at >= left_queue.at
                         union all
                         select p.approved_at from decisions d join decision_approvals p on p.decision_id = d.id
                         where d.candidate_id = c.id and p.verdict = 'declined' and p.approved_at >= left_queue.at) entry),
                  c.updated_at) as since
  from candidates c
  cross join lateral (
    select greatest(
             (select r.submitted_at from candidate_revisions r where r.candidate_id = c.id and r.revision = c.current_revision),
             (select max(d.decided_at) from decisions d where d.candidate_id = c.id),
             (select max(a.assessed_at) from assessments a where a.candidate_id = c.id and a.band = 'clear')) as at) left_queue
  where c.status = 'review')
update candidates c set review_since = w.since from waiting w where c.id = w.id;

alter table candidates add constraint ck_candidates_review_since check ((status = 'review') = (review_since is not null));

-- The queue's indexes, all partial on status = 'review' (about 5% of candidates at scale), so that nothing outside the
-- queue pays for them. The score order (the default) carries the filtered columns, so counting a filtered queue is an
-- index-only scan; waiting time and name have an order of their own; indicators are a GIN index over the arrays.
drop index ix_candidates_review_queue;
create index ix_candidates_review_queue on candidates (score desc, id) include (band, claimed_by, review_since) where status = 'review';
create index ix_candidates_review_waiting on candidates (review_since, id) where status = 'review';
create index ix_candidates_review_name on candidates (legal_name, id) where status = 'review';
create index ix_candidates_review_indicators on candidates using gin (indicator_ids) where status = 'review';

-- The four-eyes inbox reads the candidates awaiting a second reviewer; without an index that was a scan of every
-- candidate on each visit to the queue page.
create index ix_candidates_awaiting_approval on candidates (id) where status = 'awaiting_approval';
