-- A fourth outcome, policy_violation: a hired worker broke the remote-work/location policy (a travel router, a personal
-- VPN to look "at home"), which is not suspected false identity. Like a rejection it needs a second reviewer; once
-- approved the worker's case is in status 'policy_violation' (never 'rejected': ring and referral checks read that),
-- and the worker is owed one letter of its own kind, 'policy_violation', about the policy and the facts observed.
alter table decisions drop constraint ck_decisions_outcome;
alter table decisions add constraint ck_decisions_outcome check (outcome in ('clear', 'reject', 'request_information', 'policy_violation'));

alter table candidates drop constraint ck_candidates_status;
alter table candidates add constraint ck_candidates_status check (status in
  ('pending_vetting', 'clear', 'review', 'awaiting_approval', 'information_requested', 'rejection_pending', 'cleared', 'rejected',
   'policy_violation'));

alter table candidate_notices drop constraint ck_candidate_notices_kind;
alter table candidate_notices add constraint ck_candidate_notices_kind check (kind in
  ('information_request', 'pre_adverse_action', 'adverse_action', 'policy_violation'));
-- Sent once per decision, as the adverse action notice.
create unique index ux_candidate_notices_policy_violation on candidate_notices (decision_id) where kind = 'policy_violation';

-- final_notice_owed now also marks a worker whose approved policy violation still waits for its letter (set on approval,
-- cleared when the letter is recorded as sent), so the notices page's open list keeps walking one partial index.
drop index ix_candidates_notice_open;
create index ix_candidates_notice_open on candidates (updated_at desc, id desc)
  where status in ('rejection_pending', 'information_requested') or (status in ('rejected', 'policy_violation') and final_notice_owed);
