-- The dashboard's counts, kept by the database as candidates change instead of aggregated from a million candidates
-- on every load (seconds at that size; see the README's dashboard section).
--
-- Statement triggers on candidates append what each statement changed to the *_changes tables: one row per group that
-- changed, whatever the number of candidates. Appending takes no lock that another writer waits for, so there is no
-- single hot counter row for every vetting, decision and claim to queue behind. The FoldDashboardCounts job moves the
-- changes into the *_counts tables every minute; a reader adds both up in one statement, so the figures are exact
-- for its snapshot whether or not the job has run.

-- The candidates per status, band and score bucket (as the histogram buckets: 0 holds 0–9 … 9 holds 90–100).
create table candidate_counts (
  status text not null,
  band text,
  bucket int,
  count bigint not null,
  constraint uq_candidate_counts unique nulls not distinct (status, band, bucket)
);
create table candidate_count_changes (
  status text not null,
  band text,
  bucket int,
  delta bigint not null
);

-- Indicators newly raised per week: a candidate counts once in the week an assessment raised an indicator its
-- previous assessment had not (again if it comes back after it had gone). Read from the candidates' indicator_ids,
-- which vetting writes with every assessment (with updated_at, the assessment's time).
create table indicator_week_counts (
  week date not null,
  indicator text not null,
  count bigint not null,
  constraint pk_indicator_week_counts primary key (week, indicator)
);
create table indicator_week_changes (
  week date not null,
  indicator text not null,
  delta bigint not null
);

create function score_bucket(score int) returns int language sql immutable parallel safe
  as $$ select case when score >= 90 then 9 else score / 10 end $$;

create function utc_week(at timestamptz) returns date language sql immutable parallel safe
  as $$ select (date_trunc('week', at at time zone 'UTC'))::date $$;

-- Transition tables exist only for the events that have them, so each event has its own statements.
create function record_dashboard_changes() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    insert into candidate_count_changes (status, band, bucket, delta)
    select status, band, score_bucket(score), count(*) from new_rows group by 1, 2, 3;
    insert into indicator_week_changes (week, indicator, delta)
    select utc_week(n.updated_at), i.indicator, count(*)
    from new_rows n cross join lateral unnest(n.indicator_ids) i(indicator)
    group by 1, 2;
  elsif tg_op = 'UPDATE' then
    -- An update that moves no candidate between groups (a claim, a re-vet with the same result) appends nothing.
    insert into candidate_count_changes (status, band, bucket, delta)
    select status, band, bucket, sum(delta)
    from (select status, band, score_bucket(score) as bucket, -1 as delta from old_rows
          union all
          select status, band, score_bucket(score), 1 from new_rows) moved
    group by 1, 2, 3
    having sum(delta) <> 0;
    insert into indicator_week_changes (week, indicator, delta)
    select utc_week(n.updated_at), i.indicator, count(*)
    from new_rows n
    join old_rows o on o.id = n.id
    cross join lateral unnest(n.indicator_ids) i(indicator)
    where n.indicator_ids <> o.indicator_ids and not (i.indicator = any(o.indicator_ids))
    group by 1, 2;
  else
    insert into candidate_count_changes (status, band, bucket, delta)
    select status, band, score_bucket(score), -count(*) from old_rows group by 1, 2, 3;
  end if;
  return null;
end $$;

create trigger tr_candidates_dashboard_insert after insert on candidates
  referencing new table as new_rows for each statement execute function record_dashboard_changes();
create trigger tr_candidates_dashboard_update after update on candidates
  referencing old table as old_rows new table as new_rows for each statement execute function record_dashboard_changes();
create trigger tr_candidates_dashboard_delete after delete on candidates
  referencing old table as old_rows for each statement execute function record_dashboard_changes();

-- Recounts everything from the candidates and their assessments: here, and after writing candidates with the
-- triggers off (the scale benchmark's seeding copies rows with session_replication_role = replica). An indicator's
-- history comes from the assessments, each compared with the candidate's previous one, as the trigger compares
-- indicator_ids.
create function rebuild_dashboard_counts() returns void language sql as $$
  lock table candidates in share mode;
  truncate candidate_counts, candidate_count_changes, indicator_week_counts, indicator_week_changes;
  insert into candidate_counts (status, band, bucket, count)
  select status, band, score_bucket(score), count(*) from candidates group by 1, 2, 3;
  insert into indicator_week_counts (week, indicator, count)
  select h.week, i.indicator, count(*)
  from (select utc_week(a.assessed_at) as week, array(select signal_indicators(a.signals)) as ids,
               lag(array(select signal_indicators(a.signals))) over (partition by a.candidate_id order by a.id) as previous
        from assessments a) h
  cross join lateral unnest(h.ids) i(indicator)
  where not (i.indicator = any(coalesce(h.previous, '{}')))
  group by 1, 2;
$$;

select rebuild_dashboard_counts();

-- What the dashboard read before: the backlog now reads review_since's indexes (migration 0021), and signals by
-- indicator the weekly counts. ix_candidates_status_band_score stays: the candidate list filtered by status (the
-- dashboard's links) reads it.
drop index ix_candidates_waiting_since;
drop index ix_assessments_signalled_at;
