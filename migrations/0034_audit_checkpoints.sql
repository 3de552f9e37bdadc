-- Signed checkpoints of the audit trail (the Merkle root of the first tree_size chain links, signed with a key the
-- database never holds). The authority is the append-only checkpoint file outside the database (Audit:CheckpointFile);
-- this copy serves the pages and the proofs, and a row deleted here is reported against the file. Append-only.
create table audit_checkpoints (
  id bigint generated always as identity primary key,
  tree_size bigint not null,
  root text not null,
  head_seq bigint not null,
  head_hash text not null,
  signed_at timestamptz not null,
  key_id text not null,
  -- Base64 of the exact signed bytes, and of the DER signature over them.
  body text not null,
  signature text not null
);
create index ix_audit_checkpoints_tree_size on audit_checkpoints (tree_size);

revoke update, delete, truncate on audit_checkpoints from hirevet_app;
create trigger tr_audit_checkpoints_append_only before update or delete on audit_checkpoints
  for each row execute function refuse_audit_change();
create trigger tr_audit_checkpoints_no_truncate before truncate on audit_checkpoints
  for each statement execute function refuse_audit_change();
