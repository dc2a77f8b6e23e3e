-- The episode each child's return left open at the end of a year, with what the DfE's 503 checks compare
-- with next year's first episode: reason for new episode, legal status, category of need, placement type,
-- provider and Ofsted URN (the warehouse keeps no full postcode, so the placement postcode is not compared).
create view dw.cla_open_episode_as_recorded as
select l.dfe_code, e.collection_year, e.child_key, e.episode_start, e.rne, e.legal_status, e.category_of_need,
       e.placement_type, e.placement_provider, e.placement_urn
from dw.fact_cla_episode e
join ref.local_authority l on l.la_key = e.la_key
where e.episode_end is null
  and e.episode_start = (select max(o.episode_start) from dw.fact_cla_episode o
                         where o.la_key = e.la_key and o.collection_year = e.collection_year
                           and o.child_key = e.child_key and o.episode_end is null);
