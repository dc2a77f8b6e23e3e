-- Each child adopted from care (an episode ending E11 or E12) in a year's return: an adopted child does not
-- come back into care under the same identifier (the DfE's 199).
create view dw.cla_adopted_as_recorded as
select l.dfe_code, e.collection_year, e.child_key, max(e.episode_end) as adopted_on
from dw.fact_cla_episode e
join ref.local_authority l on l.la_key = e.la_key
where e.reason_ceased in ('E11', 'E12') and e.episode_end is not null
group by l.dfe_code, e.collection_year, e.child_key;
