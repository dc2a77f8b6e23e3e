-- Each LA with the LA it replaced, for the collection years before it existed: its area then was the
-- predecessor's (ref.la_succession; the successor's valid_from_year is its first year). An LA formed from
-- several predecessors (Bournemouth, Christchurch and Poole) has no single predecessor's figure to show.
create view dw.la_predecessor as
select succ.dfe_code as dfe_code, succ.ons_code as ons_code, succ.valid_from_year as first_year,
       pre.dfe_code as predecessor_dfe_code, pre.ons_code as predecessor_ons_code, pre.la_name as predecessor_name
from ref.la_succession s
join ref.local_authority succ on succ.dfe_code = s.successor_dfe_code
join ref.local_authority pre on pre.dfe_code = s.predecessor_dfe_code
where s.successor_dfe_code in (select successor_dfe_code from ref.la_succession group by successor_dfe_code having count(*) = 1);
