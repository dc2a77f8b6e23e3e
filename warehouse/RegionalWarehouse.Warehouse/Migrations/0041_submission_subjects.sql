-- What a submission holds, in the units the shrink guard (SUB-07) compares: children for the 903, rows for the
-- other LA returns (a Supporting Families quarter's families).
alter table etl.submission add column subjects bigint;
