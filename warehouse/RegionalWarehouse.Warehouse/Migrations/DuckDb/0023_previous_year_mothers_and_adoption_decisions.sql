-- The previous year's checks also compare a mother's child's month of birth (the DfE's 624; the warehouse
-- keeps the month, not the date) and the decisions to place for adoption (559-561).
create or replace view dw.cla_child_as_recorded as
select l.dfe_code, c.collection_year, c.child_key, c.sex, c.ethnic_code, c.birth_month, c.is_mother, c.mother_child_birth_month
from dw.fact_cla_child c
join ref.local_authority l on l.la_key = c.la_key;

-- Each decision to place for adoption as the LA's loaded return recorded it, by LA code and year.
create view dw.cla_placed_for_adoption_as_recorded as
select l.dfe_code, p.collection_year, p.child_key, p.date_placed, p.date_placed_ceased, p.reason_placed_ceased
from dw.fact_cla_placed_for_adoption p
join ref.local_authority l on l.la_key = p.la_key;
