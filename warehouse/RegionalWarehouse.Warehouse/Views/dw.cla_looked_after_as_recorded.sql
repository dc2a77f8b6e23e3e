-- Each child looked after (with an episode) in a year's return, and when its latest episode there began: a care
-- leaver was looked after at some time after their 16th birthday (the DfE's 1002), which the LA's earlier returns
-- show, and a child's first episode this year that began before the year is last year's latest (the DfE's 562).
create view dw.cla_looked_after_as_recorded as
select l.dfe_code, e.collection_year, e.child_key, max(e.episode_start) as latest_episode_start
from dw.fact_cla_episode e
join ref.local_authority l on l.la_key = e.la_key
group by l.dfe_code, e.collection_year, e.child_key;
