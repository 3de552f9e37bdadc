-- Re-screening runs fan out in batches, each a durable Quartz job any node may run; progress is kept here.
create table rescreen_runs (
  id bigint generated always as identity primary key,
  kind text not null,
  trigger text not null,
  requested_by text not null,
  started_at timestamptz not null,
  finished_at timestamptz,
  status text not null default 'running',
  total int not null,
  batches int not null,
  processed int not null default 0,
  signals int not null default 0,
  bands_raised int not null default 0,
  failures int not null default 0,
  -- The reference datasets' as-of dates and row counts when the run started: an incremental run re-screens everyone
  -- when they differ from the last run's.
  reference_version text not null,
  constraint ck_rescreen_runs_kind check (kind in ('incremental', 'full')),
  constraint ck_rescreen_runs_trigger check (trigger in ('schedule', 'manual')),
  constraint ck_rescreen_runs_status check (status in ('running', 'completed', 'completed_with_failures'))
);

create table rescreen_batches (
  run_id bigint not null,
  batch_no int not null,
  candidate_ids bigint[] not null,
  status text not null default 'pending',
  attempts int not null default 0,
  processed int,
  signals int,
  bands_raised int,
  last_error text,
  node text,
  finished_at timestamptz,
  constraint pk_rescreen_batches primary key (run_id, batch_no),
  constraint fk_rescreen_batches_run foreign key (run_id) references rescreen_runs (id),
  constraint ck_rescreen_batches_status check (status in ('pending', 'done', 'failed'))
);

-- A re-screening run assesses each subject at most once, whatever node ran the batch and however often it was retried.
alter table assessments add column rescreen_run_id bigint;
create unique index ux_assessments_rescreen_run on assessments (candidate_id, rescreen_run_id) where rescreen_run_id is not null;

-- Outbound webhooks (a SOAR, the identity provider): signed with HMAC-SHA256, retried with backoff, every attempt logged.
create table webhook_subscriptions (
  id bigint generated always as identity primary key,
  url text not null,
  secret_protected text not null,
  events text[] not null,
  active boolean not null default true,
  created_by text not null,
  created_at timestamptz not null
);

create table webhook_deliveries (
  id bigint generated always as identity primary key,
  subscription_id bigint not null,
  event_type text not null,
  payload text not null,
  created_at timestamptz not null,
  status text not null default 'pending',
  attempts int not null default 0,
  next_attempt_at timestamptz not null,
  delivered_at timestamptz,
  last_status_code int,
  last_error text,
  constraint fk_webhook_deliveries_subscription foreign key (subscription_id) references webhook_subscriptions (id),
  constraint ck_webhook_deliveries_status check (status in ('pending', 'delivered', 'failed'))
);
create index ix_webhook_deliveries_due on webhook_deliveries (next_attempt_at) where status = 'pending';

create table webhook_attempts (
  delivery_id bigint not null,
  attempt int not null,
  attempted_at timestamptz not null,
  status_code int,
  error text,
  duration_ms int not null,
  constraint pk_webhook_attempts primary key (delivery_id, attempt),
  constraint fk_webhook_attempts_delivery foreign key (delivery_id) references webhook_deliveries (id)
);
