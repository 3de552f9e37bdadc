-- Full walks of the audit chain, recorded by the scheduled job (Jobs:AuditWalkCron, hourly by default). The audit
-- pages walk only the links added since the latest walk if it found the chain intact, instead of re-hashing the whole
-- chain on every load, and say when the whole chain was last walked. Append-only.
create table audit_chain_walks (
  id bigint generated always as identity primary key,
  walked_at timestamptz not null,
  valid boolean not null,
  records_checked bigint not null,
  -- The last link the walk checked, and its hash (0 and null for an empty chain).
  through_seq bigint not null,
  through_hash text,
  -- The highest record id linked through that link: the next check looks for records outside the chain above it.
  max_record_id bigint not null,
  first_broken_seq bigint,
  first_broken_id bigint,
  problem text,
  duration_ms bigint not null,
  constraint ck_audit_chain_walks_intact check (valid = (problem is null))
);
revoke update, delete, truncate on audit_chain_walks from hirevet_app;
