-- Each child looked after (with an episode) in a year's return: a care leaver was looked after at some time
-- after their 16th birthday (the DfE's 1002), which the LA's earlier returns show.
create view dw.cla_looked_after_as_recorded as
select distinct l.dfe_code, e.collection_year, e.child_key
from dw.fact_cla_episode e
join ref.local_authority l on l.la_key = e.la_key;
