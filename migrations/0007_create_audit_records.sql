-- Tamper-evident audit trail: each row carries the SHA-256 of its own content and of the previous row (a chain).
-- The application role may only read and append; a trigger also refuses UPDATE and DELETE for everyone else.
create table audit_records (
  id bigint generated always as identity primary key,
  seq bigint not null,
  occurred_at timestamptz not null,
  actor text not null,
  actor_role text not null,
  action text not null,
  target_type text,
  target_id text,
  request_digest text not null,
  details text not null,
  previous_hash text not null,
  hash text not null,
  constraint ux_audit_records_seq unique (seq)
);
create index ix_audit_records_action on audit_records (action, id);

revoke update, delete, truncate on audit_records from hirevet_app;

create function refuse_audit_change() returns trigger language plpgsql as $$
begin
  raise exception 'audit_records is append-only' using errcode = 'insufficient_privilege';
end
$$;
create trigger tr_audit_records_append_only before update or delete on audit_records
  for each row execute function refuse_audit_change();
create trigger tr_audit_records_no_truncate before truncate on audit_records
  for each statement execute function refuse_audit_change();
