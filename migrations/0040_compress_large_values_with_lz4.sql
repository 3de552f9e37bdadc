-- Dossiers (about 5 kB of JSON), assessments' traces (about 5.5 kB) and a batch's audit details are longer than
-- PostgreSQL's 2 kB threshold, so each stored value is compressed. With the default method, pglz, compressing was
-- the largest single function of PostgreSQL's CPU time during a bulk import (`perf`, issue 18). lz4 compresses several
-- times faster, at a slightly lower ratio. Only values written from now on use it; stored ones stay readable as they
-- are. A server built without lz4 keeps pglz: nothing else depends on the method.
do $$
begin
  alter table candidate_revisions alter column dossier set compression lz4;
  alter table assessments alter column signals set compression lz4, alter column trace set compression lz4;
  alter table audit_records alter column details set compression lz4;
exception when feature_not_supported then
  raise notice 'This PostgreSQL has no lz4 support: large values stay compressed with pglz.';
end
$$;
