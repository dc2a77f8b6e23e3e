-- A child's UPN, kept as a keyed pseudonym (or the UN code saying why there is none), so next year's return
-- can be checked for the same UPN (the DfE's 208) without the warehouse ever holding a UPN.
alter table dw.fact_cla_child add column upn_key bigint;
alter table dw.fact_cla_child add column upn_reason varchar(4);
