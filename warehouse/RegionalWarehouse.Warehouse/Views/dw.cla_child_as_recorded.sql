create view dw.cla_child_as_recorded as
select l.dfe_code, c.collection_year, c.child_key, c.sex, c.ethnic_code, c.birth_month, c.is_mother, c.mother_child_birth_month,
       c.upn_key, c.upn_reason
from dw.fact_cla_child c
join ref.local_authority l on l.la_key = c.la_key;
