-- A security reviewer's decision and, where four eyes are required, a second reviewer's verdict on it.
-- Both are append-only; the candidate's status is the projection of them.
create table decisions (
  id bigint generated always as identity primary key,
  candidate_id bigint not null,
  assessment_id bigint not null,
  outcome text not null,
  justification text not null,
  band_at_decision text not null,
  requires_approval boolean not null,
  decided_by text not null,
  decided_at timestamptz not null,
  constraint fk_decisions_candidate foreign key (candidate_id) references candidates (id),
  constraint fk_decisions_assessment foreign key (assessment_id) references assessments (id),
  constraint ck_decisions_outcome check (outcome in ('clear', 'reject', 'request_information')),
  constraint ck_decisions_justification check (length(btrim(justification)) >= 10)
);
create index ix_decisions_candidate on decisions (candidate_id, id desc);
create index ix_decisions_decided_at on decisions (decided_at desc, id desc);
create index ix_decisions_assessment on decisions (assessment_id);

create table decision_approvals (
  id bigint generated always as identity primary key,
  decision_id bigint not null,
  verdict text not null,
  justification text not null,
  approver text not null,
  approved_at timestamptz not null,
  constraint fk_decision_approvals_decision foreign key (decision_id) references decisions (id),
  constraint ux_decision_approvals_decision unique (decision_id),
  constraint ck_decision_approvals_verdict check (verdict in ('approved', 'declined')),
  constraint ck_decision_approvals_justification check (length(btrim(justification)) >= 10)
);

revoke update, delete on decisions, decision_approvals from hirevet_app;
