-- The application logs in as hirevet_app itself instead of connecting as the owner and switching role (a role any code
-- in the process could switch back). It owns nothing, so it cannot alter, disable or drop a table or trigger, and it
-- is no member of the owner, so SET ROLE to it is refused. Its password is set by the migrate step
-- (MigrationRunner.SetApplicationPasswordAsync) or by the DBA; until then it cannot sign in.
alter role hirevet_app login nosuperuser nocreatedb nocreaterole noreplication nobypassrls;

-- Nothing created in the public schema by the application (PostgreSQL 15's default; a cluster upgraded from an older
-- version may still grant it to everyone). Temporary tables stay: the sign-in ingestion stages its COPY in one.
revoke create on schema public from public;

-- The serving process checks at start-up that the schema is current, and refuses to run behind it.
grant select on schema_migrations to hirevet_app;
