-- Each 903 return read on its own, as the DfE reads a year's return: one row per child with an episode in
-- it, whether the child was looked after on the day before the year began and on its last day, and how many
-- periods of care started (RNE S) and ended (any reason but X1) in the year. The stock-flow check uses it.
create view dw.cla_return_child as
select e.la_key, e.collection_year, e.child_key,
       max(case when e.episode_start < y.year_start and (e.episode_end is null or e.episode_end >= y.year_start) then 1 else 0 end) as in_care_at_start,
       max(case when e.episode_start <= y.year_end and (e.episode_end is null or e.episode_end > y.year_end) then 1 else 0 end) as in_care_at_end,
       sum(case when e.rne = 'S' and e.episode_start between y.year_start and y.year_end then 1 else 0 end) as start_events,
       sum(case when e.episode_end between y.year_start and y.year_end and e.reason_ceased <> 'X1' then 1 else 0 end) as cease_events
from dw.fact_cla_episode e
join dw.cla_year y on y.la_key = e.la_key and y.collection_year = e.collection_year
where coalesce(e.legal_status, '') not in ('V3', 'V4')
group by e.la_key, e.collection_year, e.child_key;
