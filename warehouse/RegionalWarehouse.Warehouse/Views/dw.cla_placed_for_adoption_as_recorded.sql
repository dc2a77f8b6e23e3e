-- Each decision to place for adoption as the LA's loaded return recorded it, by LA code and year.
create view dw.cla_placed_for_adoption_as_recorded as
select l.dfe_code, p.collection_year, p.child_key, p.date_placed, p.date_placed_ceased, p.reason_placed_ceased
from dw.fact_cla_placed_for_adoption p
join ref.local_authority l on l.la_key = p.la_key;
