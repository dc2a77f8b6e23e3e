-- A child's UPN, kept as a keyed pseudonym (or the UN code saying why there is none), so next year's return
-- can be checked for the same UPN (the DfE's 208) without the warehouse ever holding a UPN.
ALTER TABLE dw.fact_cla_child ADD upn_key BIGINT NULL, upn_reason NVARCHAR(4) NULL;
GO
