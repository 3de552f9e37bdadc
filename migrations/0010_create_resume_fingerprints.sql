-- MinHash signatures of resumes and their LSH bands: candidates whose resumes share a band are compared (LINK-02).
create table resume_fingerprints (
  candidate_id bigint primary key,
  minhash bigint[] not null,
  words int not null,
  constraint fk_resume_fingerprints_candidate foreign key (candidate_id) references candidates (id)
);

create table resume_bands (
  candidate_id bigint not null,
  band smallint not null,
  band_hash bigint not null,
  constraint pk_resume_bands primary key (candidate_id, band),
  constraint fk_resume_bands_candidate foreign key (candidate_id) references candidates (id)
);
create index ix_resume_bands_band_hash on resume_bands (band, band_hash);
