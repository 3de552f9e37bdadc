-- The dashboard's aggregates at a million candidates (EXPLAIN plans in the README's dashboard section).

-- Candidates by status, band and score bucket in one index-only scan (about a third of the table's size) instead of
-- a scan of the table; the counts by status and band and the risk-score histogram are read from it.
create index ix_candidates_status_band_score on candidates (status, band, score);

-- The review backlog and the four-eyes inbox with their age: only the candidates waiting, read by status and time.
create index ix_candidates_waiting_since on candidates (status, updated_at) where status in ('review', 'awaiting_approval');

-- Signals by indicator over recent weeks: only assessments that raised a signal, by time, so the weeks shown bound
-- the rows read (an honest candidate's re-vets raise none and are not read at all).
create index ix_assessments_signalled_at on assessments (assessed_at) where signals <> '[]'::jsonb;

-- The distinct indicators of an assessment's signals. jsonb_array_elements is estimated at 100 rows a call, which made
-- the planner expect 11 million rows for 112,000 assessments and compile the query with JIT (seconds on a busy
-- machine); assessments raise about two indicators. Strict: a SQL function that is not inlined keeps its estimate.
create function signal_indicators(signals jsonb) returns setof text language sql immutable strict parallel safe rows 2
  as $$ select distinct e->>'indicatorId' from jsonb_array_elements(signals) e $$;
