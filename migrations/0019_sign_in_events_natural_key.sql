-- A sign-in is identified by its source and the provider's event id: that key becomes the primary key, and the
-- surrogate id, which nothing referenced, goes with its sequence and the second unique index every stored sign-in had
-- to enter (measured by `./hirevet bench-monitoring`).
alter table sign_in_events
  drop constraint sign_in_events_pkey,
  drop constraint ux_sign_in_events_event,
  drop column id,
  add constraint pk_sign_in_events primary key (source, event_id);
