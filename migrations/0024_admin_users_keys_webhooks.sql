-- Admin pages: users can be disabled (and sign in no more; their sessions end at the next request, since a session
-- carries the user's session epoch, which disabling or enabling advances), the last sign-in and an API key's last use
-- are recorded, a revoked key names who revoked it, and deactivating a webhook cancels its pending deliveries.
alter table users
  add column disabled_at timestamptz,
  add column disabled_by text,
  add column last_sign_in_at timestamptz,
  add column session_epoch int not null default 0;

alter table api_keys
  add column revoked_by text,
  add column last_used_at timestamptz;

alter table webhook_subscriptions
  add column deactivated_by text,
  add column deactivated_at timestamptz;

alter table webhook_deliveries drop constraint ck_webhook_deliveries_status;
alter table webhook_deliveries add constraint ck_webhook_deliveries_status check (status in ('pending', 'delivered', 'failed', 'cancelled'));

-- A subscription's latest delivery and its failed ones, for the webhooks page.
create index ix_webhook_deliveries_subscription on webhook_deliveries (subscription_id, id);
create index ix_webhook_deliveries_failed on webhook_deliveries (subscription_id) where status = 'failed';
