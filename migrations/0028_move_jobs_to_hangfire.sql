-- Background work moves from Quartz.NET to Hangfire (README, Decisions: "Hangfire for background work").

-- Quartz's clustered store is no longer read by any node.
do $$
declare t text;
begin
  for t in select tablename from pg_tables where schemaname = 'public' and tablename like 'qrtz\_%' loop
    execute format('drop table %I cascade', t);
  end loop;
end
$$;

-- Hangfire's tables live in their own schema, installed by the migration runner after these files. A stored job names
-- any type and method for a worker to call, so writing there means running code on every node: the application's
-- role gets nothing in it, and only the owner (which the job servers connect as) may use it.
create schema if not exists hangfire;
revoke all on schema hangfire from public;

-- A scheduled run is started by a background job that may run more than once (Hangfire runs a job at least once):
-- the job's id is the run's key, so a second delivery finds the run the first one started.
alter table rescreen_runs add column job_key text;
create unique index ux_rescreen_runs_job_key on rescreen_runs (job_key) where job_key is not null;

-- The background job that should run each batch: null until it was enqueued. The sweep enqueues again a pending batch
-- whose job was never enqueued (the node died between the run's commit and the enqueue) or no longer exists.
alter table rescreen_batches add column job_id text;
alter table rescreen_batches add column enqueued_at timestamptz;
create index ix_rescreen_batches_pending on rescreen_batches (run_id) where status = 'pending';

-- The chain writer sleeps until a command commits an audit record (NOTIFY is delivered on commit), instead of polling.
create function notify_audit_unchained() returns trigger language plpgsql as $$
begin
  perform pg_notify('audit_unchained', '');
  return null;
end
$$;
create trigger tr_audit_unchained_notify after insert on audit_unchained
  for each statement execute function notify_audit_unchained();
