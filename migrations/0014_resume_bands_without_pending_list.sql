-- GIN's fast-update pending list is scanned linearly by every search: with a few thousand recent inserts each
-- resume-neighbour lookup took 28 ms instead of 0.5 ms on a million fingerprints (measured by the scale benchmark).
-- Entries go straight into the index instead; inserts pay a little more, every lookup much less.
select gin_clean_pending_list('ix_resume_fingerprints_bands');
alter index ix_resume_fingerprints_bands set (fastupdate = off);
