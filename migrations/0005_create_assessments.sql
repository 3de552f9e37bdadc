-- One row per vetting run; a re-vet adds a row, nothing is overwritten.
create table assessments (
  id bigint generated always as identity primary key,
  candidate_id bigint not null,
  revision_id bigint not null,
  score int not null,
  band text not null,
  ruleset_version text not null,
  ruleset_hash text not null,
  signals jsonb not null,
  trace jsonb not null,
  assessed_at timestamptz not null,
  constraint fk_assessments_candidate foreign key (candidate_id) references candidates (id),
  constraint fk_assessments_revision foreign key (revision_id) references candidate_revisions (id),
  constraint ck_assessments_band check (band in ('clear', 'review', 'high'))
);
create index ix_assessments_candidate on assessments (candidate_id, id desc);
create index ix_assessments_revision on assessments (revision_id);

revoke update, delete on assessments from hirevet_app;
