-- Pre-adverse action (FCRA-style): an approved rejection no longer takes effect at once. The candidate waits in
-- 'rejection_pending' until a notice has been sent and its waiting period has passed; then a security reviewer
-- finalises the rejection (status 'rejected'), or the candidate's response sends the case back to 'review'.
alter table candidates drop constraint ck_candidates_status;
alter table candidates add constraint ck_candidates_status check (status in
  ('pending_vetting', 'clear', 'review', 'awaiting_approval', 'information_requested', 'rejection_pending', 'cleared', 'rejected'));
-- The candidates a letter is (or was) owed to: the notices page lists them without scanning every candidate.
create index ix_candidates_notice_stage on candidates (updated_at desc, id desc)
  where status in ('rejection_pending', 'information_requested');

-- A letter as it was sent to the candidate: who sent it, when, how, and its exact text. Append-only.
create table candidate_notices (
  id bigint generated always as identity primary key,
  candidate_id bigint not null,
  decision_id bigint not null,
  assessment_id bigint not null,
  kind text not null,
  channel text not null,
  letter_text text not null,
  sent_by text not null,
  sent_at timestamptz not null,
  -- The deadline the letter states: for a pre-adverse-action notice, the end of the waiting period.
  respond_by timestamptz not null,
  constraint fk_candidate_notices_candidate foreign key (candidate_id) references candidates (id),
  constraint fk_candidate_notices_decision foreign key (decision_id) references decisions (id),
  constraint fk_candidate_notices_assessment foreign key (assessment_id) references assessments (id),
  constraint ck_candidate_notices_kind check (kind in ('information_request', 'pre_adverse_action')),
  constraint ck_candidate_notices_channel check (channel in ('email', 'post', 'portal')),
  constraint ck_candidate_notices_letter check (length(btrim(letter_text)) > 0),
  constraint ck_candidate_notices_respond_by check (respond_by >= sent_at)
);
create index ix_candidate_notices_candidate on candidate_notices (candidate_id, id desc);
create index ix_candidate_notices_decision on candidate_notices (decision_id, id desc);
create index ix_candidate_notices_sent_at on candidate_notices (sent_at desc, id desc);
create index ix_candidate_notices_assessment on candidate_notices (assessment_id);

-- The candidate's answer to a notice, recorded by a reviewer, or an updated dossier HR submitted. Append-only.
create table notice_responses (
  id bigint generated always as identity primary key,
  notice_id bigint not null,
  candidate_id bigint not null,
  kind text not null,
  response_text text not null,
  channel text,
  recorded_by text not null,
  received_at timestamptz not null,
  constraint fk_notice_responses_notice foreign key (notice_id) references candidate_notices (id),
  constraint fk_notice_responses_candidate foreign key (candidate_id) references candidates (id),
  constraint ck_notice_responses_kind check (kind in ('response', 'updated_dossier')),
  constraint ck_notice_responses_channel check (channel in ('email', 'post', 'portal', 'phone')),
  constraint ck_notice_responses_text check (length(btrim(response_text)) > 0)
);
create index ix_notice_responses_notice on notice_responses (notice_id, id);
create index ix_notice_responses_candidate on notice_responses (candidate_id);
create index ix_notice_responses_received_at on notice_responses (received_at desc, id desc);

-- A reviewer made a pending rejection final, after the notice's waiting period. Append-only; one per decision.
create table rejection_finalisations (
  id bigint generated always as identity primary key,
  candidate_id bigint not null,
  decision_id bigint not null,
  notice_id bigint not null,
  justification text not null,
  finalised_by text not null,
  finalised_at timestamptz not null,
  constraint fk_rejection_finalisations_candidate foreign key (candidate_id) references candidates (id),
  constraint fk_rejection_finalisations_decision foreign key (decision_id) references decisions (id),
  constraint fk_rejection_finalisations_notice foreign key (notice_id) references candidate_notices (id),
  constraint ux_rejection_finalisations_decision unique (decision_id),
  constraint ck_rejection_finalisations_justification check (length(btrim(justification)) >= 10)
);
create index ix_rejection_finalisations_notice on rejection_finalisations (notice_id);
create index ix_rejection_finalisations_candidate on rejection_finalisations (candidate_id);

revoke update, delete on candidate_notices, notice_responses, rejection_finalisations from hirevet_app;
