-- Each child's UASC record in a year's return: next year's return is checked against it (the DfE's 205A-D:
-- a child UASC one year and not the next has a date the status ceased, and one UASC this year was last year).
create view dw.cla_uasc_as_recorded as
select l.dfe_code, u.collection_year, u.child_key, u.date_uasc_ceased
from dw.fact_cla_uasc u
join ref.local_authority l on l.la_key = u.la_key;

-- Each child adopted from care (an episode ending E11 or E12) in a year's return: an adopted child does not
-- come back into care under the same identifier (the DfE's 199).
create view dw.cla_adopted_as_recorded as
select l.dfe_code, e.collection_year, e.child_key, max(e.episode_end) as adopted_on
from dw.fact_cla_episode e
join ref.local_authority l on l.la_key = e.la_key
where e.reason_ceased in ('E11', 'E12') and e.episode_end is not null
group by l.dfe_code, e.collection_year, e.child_key;

-- Each child looked after (with an episode) in a year's return: a care leaver was looked after at some time
-- after their 16th birthday (the DfE's 1002), which the LA's earlier returns show.
create view dw.cla_looked_after_as_recorded as
select distinct l.dfe_code, e.collection_year, e.child_key
from dw.fact_cla_episode e
join ref.local_authority l on l.la_key = e.la_key;
