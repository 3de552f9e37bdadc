-- The referrer's externalId, so a referral by a flagged candidate is followed both ways (LINK-09): a referred
-- candidate looks up their referrer, and a referrer whose band changes re-vets the candidates they referred.
alter table candidates add column referrer_external_id text;
create index ix_candidates_referrer on candidates (referrer_external_id) where referrer_external_id is not null;
