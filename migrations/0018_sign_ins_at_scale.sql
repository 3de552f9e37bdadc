-- Sign-ins arrive by the million (issue 4: 10,000,000 for 100,000 workers at 50,000 a second). What each stored row
-- costs is what this migration trims; measured by `./hirevet bench-monitoring`.

-- Event ids, addresses, principals and sources are opaque identifiers: compared byte by byte (collation "C"), their
-- indexes skip the locale's collation routine on every comparison.
alter table sign_in_events
  alter column source type text collate "C",
  alter column event_id type text collate "C",
  alter column principal type text collate "C",
  alter column ip type text collate "C";

-- The foreign key made every insert probe `workers`. Ingestion sets worker_id only from a join on workers and the hire
-- only from the worker it inserts, and workers are never deleted (they leave with status 'left'; delete is revoked
-- below), so the reference holds by construction.
alter table sign_in_events drop constraint fk_sign_in_events_worker;
revoke delete on workers from hirevet_app;

-- Ingestion no longer marks each worker's row (an update per worker per batch cost as much as storing the events):
-- an incremental re-screen finds the workers with new sign-ins by the time they were received, which only grows.
create index ix_sign_in_events_received on sign_in_events using brin (received_at);

-- Each run records up to when every sign-in was surely visible to it (the start of the oldest transaction still open
-- when it selected its subjects); the next incremental run takes the sign-ins received from there on.
alter table rescreen_runs add column events_watermark timestamptz;
