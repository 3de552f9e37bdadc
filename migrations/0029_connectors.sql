-- Connectors (issue 15): HireVet reaching into the systems candidates and sign-ins live in. Greenhouse and Lever
-- push webhooks and are read through their APIs; Okta and Microsoft Graph are pulled on a schedule (Okta can also
-- push Event Hooks). Secrets are one Data Protection payload (a JSON object), never stored or shown in clear.
create table connectors (
  id bigint generated always as identity primary key,
  kind text not null constraint ck_connectors_kind check (kind in ('greenhouse', 'lever', 'okta', 'entra')),
  name text not null,
  settings jsonb not null default '{}',
  secrets_protected text not null,
  status text not null default 'active' constraint ck_connectors_status check (status in ('active', 'paused', 'removed')),
  -- Where the next pull starts (a vendor's next link or filter start); advanced only with the events it covers.
  cursor text,
  -- A pull in progress holds this lease; one that died lets it lapse.
  pull_lease_until timestamptz,
  last_sync_at timestamptz,
  last_success_at timestamptz,
  last_error text,
  last_error_at timestamptz,
  received bigint not null default 0,
  accepted bigint not null default 0,
  rejected bigint not null default 0,
  created_by text not null,
  created_at timestamptz not null,
  changed_by text,
  changed_at timestamptz
);
create unique index ux_connectors_name on connectors (lower(name)) where status <> 'removed';

-- Every inbound delivery, pull, note sent back and connection test, with what became of it.
create table connector_log (
  id bigint generated always as identity primary key,
  connector_id bigint not null references connectors (id),
  at timestamptz not null,
  activity text not null constraint ck_connector_log_activity check (activity in ('delivery', 'pull', 'note', 'test', 'sync')),
  outcome text not null constraint ck_connector_log_outcome check (outcome in
    ('received', 'verified', 'refused', 'mapped', 'accepted', 'duplicate', 'ignored', 'rejected', 'failed', 'ok')),
  subject text,
  detail text,
  received int,
  accepted int,
  rejected int
);
create index ix_connector_log_connector on connector_log (connector_id, id desc);

-- A delivery is processed once: the vendor's event id, or the hash of the body when the vendor gives none.
create table connector_deliveries (
  connector_id bigint not null references connectors (id),
  delivery_key text not null,
  received_at timestamptz not null,
  primary key (connector_id, delivery_key)
);

-- Which HireVet candidate an ATS record became, the newest event seen for it, and whether it was redacted.
create table ats_links (
  connector_id bigint not null references connectors (id),
  ats_id text not null,
  candidate_id bigint references candidates (id),
  last_event_at timestamptz not null,
  -- When the stored record was read from the vendor: an older read finishing late never overwrites a newer one.
  fetched_at timestamptz,
  redacted_at timestamptz,
  primary key (connector_id, ats_id)
);
create index ix_ats_links_candidate on ats_links (candidate_id);

-- Results written back into the ATS (configurable, off by default): queued in the transaction that produced them.
create table connector_notes (
  id bigint generated always as identity primary key,
  connector_id bigint not null references connectors (id),
  candidate_id bigint not null references candidates (id),
  ats_id text not null,
  kind text not null constraint ck_connector_notes_kind check (kind in ('vetted', 'decided')),
  body text not null,
  created_at timestamptz not null,
  status text not null default 'pending' constraint ck_connector_notes_status check (status in ('pending', 'sent', 'failed')),
  attempts int not null default 0,
  next_attempt_at timestamptz not null,
  sent_at timestamptz,
  last_error text
);
create index ix_connector_notes_due on connector_notes (next_attempt_at) where status = 'pending';
create unique index ux_connector_notes_once on connector_notes (connector_id, candidate_id, md5(body));
