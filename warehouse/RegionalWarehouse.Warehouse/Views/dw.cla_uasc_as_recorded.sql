-- Each child's UASC record in a year's return: next year's return is checked against it (the DfE's 205A-D:
-- a child UASC one year and not the next has a date the status ceased, and one UASC this year was last year).
create view dw.cla_uasc_as_recorded as
select l.dfe_code, u.collection_year, u.child_key, u.date_uasc_ceased
from dw.fact_cla_uasc u
join ref.local_authority l on l.la_key = u.la_key;
