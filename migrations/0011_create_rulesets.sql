-- Scoring rulesets as versioned data: uploaded as drafts, tried in shadow runs, one active at a time.
create table rulesets (
  version text primary key,
  hash text not null,
  content text not null,
  status text not null,
  created_by text not null,
  created_at timestamptz not null,
  activated_by text,
  activated_at timestamptz,
  constraint ck_rulesets_status check (status in ('draft', 'active', 'retired'))
);
create unique index ux_rulesets_one_active on rulesets ((true)) where status = 'active';
