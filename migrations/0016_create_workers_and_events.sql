-- Hired workers keep their candidate (history, assessments, decisions); events from integrations are matched to them
-- by work e-mail / UPN. An event nobody matches yet is kept (worker_id null) and matched when that worker is hired.
create table workers (
  id bigint generated always as identity primary key,
  candidate_id bigint not null,
  employee_id text not null,
  work_email text not null,
  start_date date not null,
  status text not null default 'active',
  hired_by text not null,
  hired_at timestamptz not null,
  -- When an event last arrived for the worker, and when it was last re-screened: the incremental run's selection.
  events_changed_at timestamptz,
  rescreened_at timestamptz,
  constraint fk_workers_candidate foreign key (candidate_id) references candidates (id),
  constraint ux_workers_candidate unique (candidate_id),
  constraint ux_workers_employee_id unique (employee_id),
  constraint ux_workers_work_email unique (work_email),
  constraint ck_workers_status check (status in ('active', 'left'))
);
create index ix_workers_changed on workers (events_changed_at) where status = 'active';

-- Sign-ins from Okta, Entra ID or the generic format, one row each, idempotent on the provider's event id.
create table sign_in_events (
  id bigint generated always as identity primary key,
  source text not null,
  event_id text not null,
  principal text not null,
  worker_id bigint,
  occurred_at timestamptz not null,
  ip text,
  reported_country text,
  reported_city text,
  user_agent text,
  device_id text,
  succeeded boolean not null,
  session_id text,
  session_ended_at timestamptz,
  received_at timestamptz not null,
  constraint ux_sign_in_events_event unique (source, event_id),
  constraint fk_sign_in_events_worker foreign key (worker_id) references workers (id),
  constraint ck_sign_in_events_source check (source in ('okta', 'entra', 'generic'))
);
create index ix_sign_in_events_worker on sign_in_events (worker_id, occurred_at);
create index ix_sign_in_events_ip on sign_in_events (ip, worker_id) where worker_id is not null;
create index ix_sign_in_events_unmatched on sign_in_events (principal) where worker_id is null;

-- Endpoint snapshots (EDR/MDM), MFA registrations, payroll destination changes (HRIS) and equipment records: fewer
-- and more varied than sign-ins, one table with the record as JSON. `device_id` is the endpoint or authenticator id
-- (NET-11 groups by it). A payroll change's destination holds account numbers: it is in `protected`, encrypted with
-- Data Protection like a dossier's sensitive fields, and `data` has none of it.
create table worker_records (
  id bigint generated always as identity primary key,
  kind text not null,
  event_id text not null,
  principal text not null,
  worker_id bigint,
  occurred_at timestamptz not null,
  device_id text,
  data jsonb not null,
  protected text,
  received_at timestamptz not null,
  constraint ux_worker_records_event unique (kind, event_id),
  constraint fk_worker_records_worker foreign key (worker_id) references workers (id),
  constraint ck_worker_records_kind check (kind in ('endpoint', 'mfa', 'payroll', 'equipment'))
);
create index ix_worker_records_worker on worker_records (worker_id, kind, occurred_at);
create index ix_worker_records_device on worker_records (kind, device_id, worker_id) where device_id is not null;
create index ix_worker_records_unmatched on worker_records (principal) where worker_id is null;

revoke update, delete on sign_in_events from hirevet_app;
grant update (worker_id) on sign_in_events to hirevet_app;
revoke update, delete on worker_records from hirevet_app;
grant update (worker_id) on worker_records to hirevet_app;

-- Integrations (identity providers, EDR/MDM, the HRIS) send events with API keys of their own role.
alter table api_keys drop constraint ck_api_keys_role;
alter table api_keys add constraint ck_api_keys_role check (role in ('hr', 'security', 'auditor', 'admin', 'integration'));
