-- Sign-ins arrive in time order (an identity provider's export, a push of the last minutes), while the provider's
-- event ids are random (UUIDs). Keyed by (source, event_id), every stored sign-in entered the key's B-tree at a random
-- leaf: that index was the costliest part of ingestion (issue 18, `./hirevet bench-monitoring`). Keyed by
-- (source, occurred_at, event_id), each batch appends near the right edge. A provider's event keeps its time when it
-- is sent again (Okta's `published`, Entra's `createdDateTime`, the generic format's `occurredAt`), so a resent event
-- still meets its stored copy on the key and stays one row.
alter table sign_in_events
  drop constraint pk_sign_in_events,
  add constraint pk_sign_in_events primary key (source, occurred_at, event_id);

-- Ingestion COPYs a batch straight into the table and lets the database stamp each row with its transaction's start
-- (the incremental re-screen's watermark compares against it), as `now()` in the insert did.
alter table sign_in_events alter column received_at set default now();
