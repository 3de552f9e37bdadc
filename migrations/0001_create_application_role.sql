-- The application runs as hirevet_app (the connection does SET ROLE hirevet_app), never as the owner that migrates.
-- Tables get ordinary privileges by default; append-only tables revoke UPDATE and DELETE below them.
do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'hirevet_app') then
    create role hirevet_app nologin;
  end if;
end
$$;
grant hirevet_app to current_user;
grant usage on schema public to hirevet_app;
alter default privileges in schema public grant select, insert, update, delete on tables to hirevet_app;
alter default privileges in schema public grant usage, select on sequences to hirevet_app;
