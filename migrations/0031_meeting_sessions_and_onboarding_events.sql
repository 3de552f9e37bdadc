-- Issue 16, section 2: meeting and screen-sharing sessions (NET-17) and onboarding steps (LINK-13), from two new
-- uploads. Like sign-ins and worker records they are matched to workers by work e-mail; a row nobody matches yet is
-- kept (worker_id null) and matched when that worker is hired.

-- One row per session of one participant. Platforms send a meeting or session id, or none (a CSV export): the
-- natural key is then the participant and the start, so a resent export changes nothing.
create table meeting_sessions (
  id bigint generated always as identity primary key,
  session_key text collate "C" not null,
  principal text not null,
  worker_id bigint,
  started_at timestamptz not null,
  ended_at timestamptz not null,
  screen_shared boolean,
  platform text,
  received_at timestamptz not null,
  constraint ux_meeting_sessions_session unique (principal, session_key, started_at),
  constraint fk_meeting_sessions_worker foreign key (worker_id) references workers (id),
  constraint ck_meeting_sessions_ends_after_start check (ended_at >= started_at)
);
create index ix_meeting_sessions_worker on meeting_sessions (worker_id, started_at);
create index ix_meeting_sessions_unmatched on meeting_sessions (principal) where worker_id is null;

-- An onboarding step (drug test, I-9 document check, equipment receipt). Who appeared, their phone and e-mail and the
-- place are personal data: encrypted in `protected` with Data Protection like a dossier's sensitive fields. Their
-- keyed hashes (HMAC, as candidate_identifiers) are in onboarding_identifiers, to find one stand-in across workers.
create table onboarding_events (
  id bigint generated always as identity primary key,
  event_id text collate "C" not null,
  principal text not null,
  worker_id bigint,
  step text not null,
  occurred_at timestamptz not null,
  protected text not null,
  received_at timestamptz not null,
  constraint ux_onboarding_events_event unique (event_id),
  constraint fk_onboarding_events_worker foreign key (worker_id) references workers (id),
  constraint ck_onboarding_events_step check (step in ('drug_test', 'document_check', 'equipment_receipt'))
);
create index ix_onboarding_events_worker on onboarding_events (worker_id, occurred_at);
create index ix_onboarding_events_unmatched on onboarding_events (principal) where worker_id is null;

create table onboarding_identifiers (
  onboarding_event_id bigint not null,
  kind text not null,
  value_hash bytea not null,
  constraint pk_onboarding_identifiers primary key (onboarding_event_id, kind, value_hash),
  constraint fk_onboarding_identifiers_event foreign key (onboarding_event_id) references onboarding_events (id),
  constraint ck_onboarding_identifiers_kind check (kind in ('person', 'phone', 'email', 'address'))
);
create index ix_onboarding_identifiers_kind_value on onboarding_identifiers (kind, value_hash);

revoke update, delete on meeting_sessions from hirevet_app;
grant update (worker_id) on meeting_sessions to hirevet_app;
revoke update, delete on onboarding_events from hirevet_app;
grant update (worker_id) on onboarding_events to hirevet_app;
revoke update, delete on onboarding_identifiers from hirevet_app;
