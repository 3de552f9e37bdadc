-- IP addresses the candidate was seen at are linking identifiers too (NET-02 / LINK-04).
alter table candidate_identifiers drop constraint ck_candidate_identifiers_kind;
alter table candidate_identifiers add constraint ck_candidate_identifiers_kind check (kind in
  ('email', 'phone', 'id_document', 'bank_account', 'wallet', 'shipping_address', 'ip'));
