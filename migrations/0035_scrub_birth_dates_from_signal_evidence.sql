-- Issue 17 §3: the identity-verification check (ID-18) quoted both dates of birth in its signal's evidence, which is
-- stored in clear with the assessment, while the dates themselves are encrypted everywhere else: a database dump
-- revealed them. The check now records how the dates differ; this rewrites the signals stored before in the same
-- shape (dateOfBirth, differsIn, daysApart) and drops the dates. Assessments are append-only for the application; the
-- migrating role rewrites them as redaction does (migration 0030). The audit chain holds no evidence, so it stays valid.
update assessments a
set signals = (
  select jsonb_agg(case
      when e ? 'verifiedDateOfBirth' or e ? 'declaredDateOfBirth' then
        jsonb_set(s, '{evidence}', (e - 'verifiedDateOfBirth' - 'declaredDateOfBirth') || case
          when e ->> 'likelyCause' = 'day and month swapped' then jsonb_build_object('dateOfBirth', 'day and month swapped')
          when e ->> 'verifiedDateOfBirth' is not null and e ->> 'declaredDateOfBirth' is not null then jsonb_build_object(
            'dateOfBirth', 'different',
            'differsIn', concat_ws(', ',
              case when extract(year from v.verified) <> extract(year from v.declared) then 'year' end,
              case when extract(month from v.verified) <> extract(month from v.declared) then 'month' end,
              case when extract(day from v.verified) <> extract(day from v.declared) then 'day' end),
            'daysApart', abs(v.verified - v.declared))
          else jsonb_build_object('dateOfBirth', 'different') end)
      else s end order by ord)
  from jsonb_array_elements(a.signals) with ordinality x(s, ord)
  cross join lateral (select coalesce(s -> 'evidence', '{}'::jsonb) as e) ev
  cross join lateral (select (e ->> 'verifiedDateOfBirth')::date as verified, (e ->> 'declaredDateOfBirth')::date as declared) v)
where a.signals::text like '%DateOfBirth"%';
