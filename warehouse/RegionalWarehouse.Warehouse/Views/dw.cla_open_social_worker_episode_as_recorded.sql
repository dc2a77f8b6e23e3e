-- Each child's latest social worker episode in a year's return, where it was still open at 31 March: next
-- year's return carries it on with the same social worker, start and reason (the DfE's SW16a-c).
create view dw.cla_open_social_worker_episode_as_recorded as
select l.dfe_code, w.collection_year, w.child_key, w.social_worker_key, w.sw_episode_start, w.sw_reason
from dw.fact_cla_social_worker_episode w
join ref.local_authority l on l.la_key = w.la_key
where w.sw_episode_end is null
  and not exists (select 1 from dw.fact_cla_social_worker_episode later
                  where later.la_key = w.la_key and later.collection_year = w.collection_year and later.child_key = w.child_key
                    and later.sw_episode_start > w.sw_episode_start);
