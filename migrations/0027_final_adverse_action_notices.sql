-- The adverse action notice (FCRA section 615(a)), the second letter: once a reviewer has made a rejection final
-- (rejection_finalisations, after the pre-adverse-action notice and its waiting period), the candidate is owed a letter
-- saying that the decision is final, what it was based on and how to dispute it. It is a notice like the others in
-- candidate_notices (append-only), recorded once per decision.
alter table candidate_notices drop constraint ck_candidate_notices_kind;
alter table candidate_notices add constraint ck_candidate_notices_kind check (kind in ('information_request', 'pre_adverse_action', 'adverse_action'));
create unique index ux_candidate_notices_adverse_action on candidate_notices (decision_id) where kind = 'adverse_action';

-- Which rejected candidates still wait for that letter: set where a rejection is made final, cleared where the letter
-- is recorded as sent, both in the same transaction as the business write. A constant default adds the column
-- without rewriting the table.
alter table candidates add column final_notice_owed boolean not null default false;
update candidates c set final_notice_owed = true
where c.status = 'rejected'
  and exists (select 1 from rejection_finalisations f
              where f.candidate_id = c.id and f.decision_id = (select max(d.id) from decisions d where d.candidate_id = c.id));

-- The notices page's open list: the candidates in a notice stage (as ix_candidates_notice_stage) and the rejected ones
-- still owed the final letter, in the order the list walks; rejected candidates whose letter was sent leave the index.
create index ix_candidates_notice_open on candidates (updated_at desc, id desc)
  where status in ('rejection_pending', 'information_requested') or (status = 'rejected' and final_notice_owed);
-- The notices page's "final" filter: only the rejected candidates still owed the final letter.
create index ix_candidates_final_notice_owed on candidates (updated_at desc, id desc) where status = 'rejected' and final_notice_owed;
