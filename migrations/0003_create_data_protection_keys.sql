-- ASP.NET Core Data Protection key ring, and secrets protected by it (the identifier hashing key).
create table data_protection_keys (
  id bigint generated always as identity primary key,
  friendly_name text not null,
  xml text not null,
  created_at timestamptz not null default now(),
  constraint ux_data_protection_keys_friendly_name unique (friendly_name)
);

create table protected_secrets (
  name text primary key,
  protected_value text not null,
  created_at timestamptz not null default now()
);
