create table users (
  id bigint generated always as identity primary key,
  username text not null,
  display_name text not null,
  role text not null,
  password_hash text not null,
  created_at timestamptz not null,
  constraint ux_users_username unique (username),
  constraint ck_users_role check (role in ('hr', 'security', 'auditor', 'admin'))
);

create table api_keys (
  id bigint generated always as identity primary key,
  name text not null,
  role text not null,
  key_prefix text not null,
  key_hash text not null,
  created_by text not null,
  created_at timestamptz not null,
  revoked_at timestamptz,
  constraint ux_api_keys_key_prefix unique (key_prefix),
  constraint ck_api_keys_role check (role in ('hr', 'security', 'auditor', 'admin'))
);
