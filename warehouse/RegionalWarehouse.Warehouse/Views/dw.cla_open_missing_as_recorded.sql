-- Each child's missing or away-from-placement spell left open at the end of a year's return: next year's
-- return carries it on from the same start (the DfE's 576).
create view dw.cla_open_missing_as_recorded as
select l.dfe_code, m.collection_year, m.child_key, max(m.missing_start) as missing_start
from dw.fact_cla_missing m
join ref.local_authority l on l.la_key = m.la_key
where m.missing_end is null
group by l.dfe_code, m.collection_year, m.child_key;
