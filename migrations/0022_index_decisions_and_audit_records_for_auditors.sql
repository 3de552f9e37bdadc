-- The auditor's pages: decisions filtered by reviewer, outcome and band at decision (each newest first, paged and
-- counted), and a decision's page listing the audit records about its candidate and decisions.

create index ix_decisions_decided_by on decisions (decided_by, decided_at desc, id desc);
create index ix_decisions_outcome on decisions (outcome, decided_at desc, id desc);
create index ix_decisions_band_at_decision on decisions (band_at_decision, decided_at desc, id desc);
create index ix_decision_approvals_approver on decision_approvals (approver, decision_id);

-- Records of one candidate or decision (SubmitCandidate, VetCandidate, ClaimCandidate, DecideCandidate, HireCandidate
-- target the candidate; ReviewDecision the decision).
create index ix_audit_records_target on audit_records (target_type, target_id, id);

-- Batch records (a bulk import's batch, the scheduler's vetting batches, a re-screening batch) target the batch and
-- name their candidates in the details: created/revised/unchanged id arrays, or the assessments keyed by candidate id.
-- This function lists those ids so that a GIN index finds a candidate's batch records without reading every record.
create function audit_record_candidate_ids(details text) returns bigint[]
language sql immutable strict parallel safe as $$
  with j(doc) as (select details::jsonb)
  select coalesce(array_agg(distinct id), '{}')
  from (
    select key::bigint as id
    from j, jsonb_object_keys(case when jsonb_typeof(doc -> 'assessments') = 'object' then doc -> 'assessments' else '{}'::jsonb end) key
    where key ~ '^[0-9]{1,18}$'
    union all
    select value::bigint
    from j, jsonb_array_elements_text(
      (case when jsonb_typeof(doc -> 'created') = 'array' then doc -> 'created' else '[]'::jsonb end)
      || (case when jsonb_typeof(doc -> 'revised') = 'array' then doc -> 'revised' else '[]'::jsonb end)
      || (case when jsonb_typeof(doc -> 'unchanged') = 'array' then doc -> 'unchanged' else '[]'::jsonb end)) value
    where value ~ '^[0-9]{1,18}$'
  ) ids
$$;

create index ix_audit_records_batch_candidates on audit_records using gin (audit_record_candidate_ids(details))
  where target_type in ('candidate_batch', 'rescreen_batch');
