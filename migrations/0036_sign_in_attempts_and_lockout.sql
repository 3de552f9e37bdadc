-- Failed sign-ins (issue 17): every sign-in attempt through the form, and every refused API key, is recorded with who,
-- from where and when; a user whose password is given wrongly too often in a row is locked out for a while.
-- The attempts are append-only for the application; old ones go only through purge_sign_in_attempts, which never
-- deletes an attempt younger than 30 days (decision 0053).
create table sign_in_attempts (
  id bigint generated always as identity primary key,
  at timestamptz not null,
  -- The user name as typed, trimmed and lower-cased as sign-in compares it (null for API keys).
  username text,
  user_id bigint references users (id),
  -- An API key's public prefix when the presented key was well-formed; never the key.
  api_key_prefix text,
  remote_ip text,
  user_agent text,
  outcome text not null,
  constraint ck_sign_in_attempts_outcome check (outcome in
    ('succeeded', 'wrong_password', 'unknown_user', 'disabled', 'locked_out', 'ip_throttled', 'invalid_api_key', 'revoked_api_key')),
  constraint ck_sign_in_attempts_lengths check
    (length(username) <= 64 and length(api_key_prefix) <= 12 and length(remote_ip) <= 45 and length(user_agent) <= 200)
);
revoke update, delete, truncate on sign_in_attempts from hirevet_app;

-- The admin list, newest first, filtered by outcome or user; the per-address throttle's count.
create index ix_sign_in_attempts_at on sign_in_attempts (at desc, id desc);
create index ix_sign_in_attempts_username on sign_in_attempts (username, at desc) where username is not null;
create index ix_sign_in_attempts_outcome on sign_in_attempts (outcome, at desc);
create index ix_sign_in_attempts_remote_ip on sign_in_attempts (remote_ip, at) where remote_ip is not null;

-- The current run of wrong passwords (reset by a success, an unlock, or a quiet observation window) and the lockout.
alter table users
  add column failed_sign_ins int not null default 0,
  add column last_failed_sign_in_at timestamptz,
  add column locked_until timestamptz;

create function purge_sign_in_attempts(p_before timestamptz) returns bigint
language plpgsql security definer set search_path = public, pg_temp as $$
declare
  deleted bigint;
begin
  delete from sign_in_attempts where at < least(p_before, now() - interval '30 days');
  get diagnostics deleted = row_count;
  return deleted;
end
$$;
revoke all on function purge_sign_in_attempts(timestamptz) from public;
grant execute on function purge_sign_in_attempts(timestamptz) to hirevet_app;
