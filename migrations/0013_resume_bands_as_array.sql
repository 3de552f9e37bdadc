-- LSH bands move into the fingerprint row as one array with a GIN index: 32 rows a candidate (two B-tree entries
-- each) made the table the largest write of a bulk import. The band number goes into the key's top bits, so equal
-- hashes in different bands stay different keys: key = band_hash # (band << 58).
alter table resume_fingerprints add column bands bigint[];
update resume_fingerprints f
set bands = (select array_agg(b.band_hash # (b.band::bigint << 58) order by b.band) from resume_bands b where b.candidate_id = f.candidate_id);
update resume_fingerprints set bands = '{}' where bands is null;
alter table resume_fingerprints alter column bands set not null;
create index ix_resume_fingerprints_bands on resume_fingerprints using gin (bands);
drop table resume_bands;
