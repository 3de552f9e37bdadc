-- Commands append audit records without waiting for each other; one writer at a time links them into the hash chain
-- (audit_chain), from the queue of records not yet linked (audit_unchained). Every command used to take one global
-- lock to read the chain head, which made all commits a single queue (the scale benchmark: 18 sessions waiting on it
-- on average at 100 submissions a second). The hashes of records already chained are unchanged.
create table audit_chain (
  seq bigint primary key,
  record_id bigint not null,
  previous_hash text not null,
  hash text not null,
  constraint ux_audit_chain_record unique (record_id)
);
insert into audit_chain (seq, record_id, previous_hash, hash) select seq, id, previous_hash, hash from audit_records;

create table audit_unchained (record_id bigint primary key);

alter table audit_records drop constraint ux_audit_records_seq;
alter table audit_records drop column seq, drop column previous_hash, drop column hash;

create or replace function refuse_audit_change() returns trigger language plpgsql as $$
begin
  raise exception '% is append-only', tg_table_name using errcode = 'insufficient_privilege';
end
$$;
revoke update, delete, truncate on audit_chain from hirevet_app;
revoke update, truncate on audit_unchained from hirevet_app;
create trigger tr_audit_chain_append_only before update or delete on audit_chain
  for each row execute function refuse_audit_change();
create trigger tr_audit_chain_no_truncate before truncate on audit_chain
  for each statement execute function refuse_audit_change();
