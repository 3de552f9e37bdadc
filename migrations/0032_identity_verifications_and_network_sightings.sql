-- Issue 16 (ID-18): identity-verification results from any IDV vendor (Persona, CLEAR, Incode, Okta...), one row per
-- vendor and vendor reference so a delivery repeated is recognised. The verified name and date of birth are personal
-- data: they are kept encrypted (Data Protection, as the dossier's sensitive fields) in `sensitive_protected`; the
-- outcomes, document type and country are what reviewers and queries read. A vendor that revises its result (a manual
-- review clears a needs_review) updates the row: `content_hash` tells a revision from a repetition.
create table identity_verifications (
  id bigint generated always as identity primary key,
  candidate_id bigint not null,
  vendor text not null,
  vendor_reference text not null,
  verified_at timestamptz,
  document_type text,
  document_country text,
  liveness_outcome text,
  document_outcome text,
  sensitive_protected text not null,
  content_hash text not null,
  submitted_by text not null,
  received_at timestamptz not null,
  updated_at timestamptz not null,
  constraint fk_identity_verifications_candidate foreign key (candidate_id) references candidates (id),
  constraint ux_identity_verifications_vendor_reference unique (vendor, vendor_reference),
  constraint ck_identity_verifications_liveness_outcome check (liveness_outcome in ('passed', 'failed', 'needs_review')),
  constraint ck_identity_verifications_document_outcome check (document_outcome in ('passed', 'failed', 'needs_review'))
);
create index ix_identity_verifications_candidate on identity_verifications (candidate_id);

-- Issue 16 (LINK-12): where each candidate and each of its references were seen acting from (IP address, device id), as
-- keyed hashes like candidate_identifiers, so a referee of one candidate seen at another candidate's connection is
-- found without storing the device ids. `display` is what a reviewer sees (device ids masked). Replaced with each
-- revision of the dossier.
create table network_sightings (
  id bigint generated always as identity primary key,
  candidate_id bigint not null,
  actor text not null,
  reference_name text,
  kind text not null,
  value_hash bytea not null,
  display text not null,
  constraint fk_network_sightings_candidate foreign key (candidate_id) references candidates (id),
  constraint ck_network_sightings_actor check (actor in ('candidate', 'reference')),
  constraint ck_network_sightings_kind check (kind in ('ip', 'device')),
  constraint ck_network_sightings_reference_named check ((actor = 'reference') = (reference_name is not null))
);
create index ix_network_sightings_candidate on network_sightings (candidate_id);
create index ix_network_sightings_kind_value on network_sightings (kind, value_hash);
