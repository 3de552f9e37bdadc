-- Which reference datasets (name, as-of date, status, rows) each assessment was made with.
alter table assessments add column reference_data jsonb not null default '[]'::jsonb;
