-- Each child's episode left open at the end of a year's return (by LA code and year): next year's return
-- must carry it on with the same start date (the DfE's check 502 against the previous year's return).
create view dw.cla_open_episode_as_recorded as
select l.dfe_code, e.collection_year, e.child_key, max(e.episode_start) as episode_start
from dw.fact_cla_episode e
join ref.local_authority l on l.la_key = e.la_key
where e.episode_end is null
group by l.dfe_code, e.collection_year, e.child_key;
GO
