-- Each child's Header items as the LA's loaded return recorded them, by LA code and year: the 903's
-- checks against the previous year's return (sex, date of birth, ethnicity, mother status) read it.
-- The warehouse keeps the month of birth, not the date, so the date-of-birth check compares months.
create view dw.cla_child_as_recorded as
select l.dfe_code, c.collection_year, c.child_key, c.sex, c.ethnic_code, c.birth_month, c.is_mother
from dw.fact_cla_child c
join ref.local_authority l on l.la_key = c.la_key;
