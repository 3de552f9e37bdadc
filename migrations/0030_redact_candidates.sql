-- Redaction (issue 15): when an applicant-tracking system deletes or anonymizes a candidate, HireVet erases its copy of
-- their personal data. Revisions and assessments stay append-only for the application; this function, owned by the
-- migrating role, is the one way to blank them, and it records that it did. The audit chain is not touched: its records
-- hold actions and ids, not dossiers, so it stays verifiable.
alter table candidates add column redacted_at timestamptz;

create table candidate_redactions (
  id bigint generated always as identity primary key,
  candidate_id bigint not null references candidates (id),
  reason text not null,
  redacted_by text not null,
  redacted_at timestamptz not null
);
revoke update, delete on candidate_redactions from hirevet_app;

create function redact_candidate(p_candidate bigint, p_reason text, p_actor text, p_at timestamptz) returns boolean
language plpgsql security definer set search_path = public, pg_temp as $$
begin
  update candidates set legal_name = '(redacted)', redacted_at = p_at
  where id = p_candidate and redacted_at is null;
  if not found then
    return false;
  end if;
  -- What identifies the candidate goes; what the record was (its externalId, the ATS's id) stays so a later delivery
  -- for it is recognised and not stored again.
  update candidate_revisions
  set dossier = jsonb_build_object('externalId', dossier -> 'externalId', 'source', dossier -> 'source', 'legalName', '(redacted)'),
      sensitive_protected = ''
  where candidate_id = p_candidate;
  -- Signals keep which indicator fired and its weight (the decision's basis); their explanation and evidence quote
  -- the dossier, so they go.
  update assessments
  set signals = coalesce((select jsonb_agg(s || jsonb_build_object('explanation', '(redacted)', 'evidence', '{}'::jsonb))
                          from jsonb_array_elements(signals) s), '[]'::jsonb)
  where candidate_id = p_candidate;
  delete from candidate_identifiers where candidate_id = p_candidate;
  delete from resume_fingerprints where candidate_id = p_candidate;
  insert into candidate_redactions (candidate_id, reason, redacted_by, redacted_at) values (p_candidate, p_reason, p_actor, p_at);
  return true;
end
$$;
revoke all on function redact_candidate(bigint, text, text, timestamptz) from public;
grant execute on function redact_candidate(bigint, text, text, timestamptz) to hirevet_app;
