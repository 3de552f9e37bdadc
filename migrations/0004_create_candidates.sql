create table candidates (
  id bigint generated always as identity primary key,
  external_id text not null,
  legal_name text not null,
  source text,
  role text,
  submitted_by text not null,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  current_revision int not null,
  status text not null,
  vetting_status text not null,
  vetting_requested_at timestamptz,
  vetting_attempts int not null default 0,
  score int,
  band text,
  claimed_by text,
  claimed_at timestamptz,
  constraint ux_candidates_external_id unique (external_id),
  constraint ck_candidates_status check (status in
    ('pending_vetting', 'clear', 'review', 'awaiting_approval', 'information_requested', 'cleared', 'rejected')),
  constraint ck_candidates_vetting_status check (vetting_status in ('pending', 'completed')),
  constraint ck_candidates_band check (band in ('clear', 'review', 'high'))
);
create index ix_candidates_vetting_pending on candidates (vetting_requested_at) where vetting_status = 'pending';
create index ix_candidates_review_queue on candidates (score desc, id) where status = 'review';
create index ix_candidates_updated_at on candidates (updated_at desc, id desc);

-- Every submitted version of a dossier. The sensitive fields (ID document number, bank account, IBAN, wallet,
-- dates of birth) are not in `dossier`: they are in `sensitive_protected`, encrypted with Data Protection.
create table candidate_revisions (
  id bigint generated always as identity primary key,
  candidate_id bigint not null,
  revision int not null,
  dossier jsonb not null,
  sensitive_protected text not null,
  content_hash text not null,
  submitted_by text not null,
  submitted_at timestamptz not null,
  constraint fk_candidate_revisions_candidate foreign key (candidate_id) references candidates (id),
  constraint ux_candidate_revisions_candidate_revision unique (candidate_id, revision)
);

-- The identifiers of each candidate's current revision, as keyed hashes, so that candidates sharing one can be
-- found without decrypting anything. `display` is masked for sensitive kinds.
create table candidate_identifiers (
  candidate_id bigint not null,
  kind text not null,
  value_hash bytea not null,
  display text not null,
  constraint pk_candidate_identifiers primary key (candidate_id, kind, value_hash),
  constraint fk_candidate_identifiers_candidate foreign key (candidate_id) references candidates (id),
  constraint ck_candidate_identifiers_kind check (kind in
    ('email', 'phone', 'id_document', 'bank_account', 'wallet', 'shipping_address'))
);
create index ix_candidate_identifiers_kind_value on candidate_identifiers (kind, value_hash);

revoke update, delete on candidate_revisions from hirevet_app;
