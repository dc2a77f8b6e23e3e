-- Several submissions may cover the same LA and mid-year (a region-wide ONS file and a correction from
-- one LA): the latest loaded one counts, never their sum.
create view dw.population_0_17 as
select p.la_key, p.mid_year, sum(p.population) as children
from dw.fact_population p
where p.age <= 17
  and p.submission_id = (select max(q.submission_id) from dw.fact_population q where q.la_key = p.la_key and q.mid_year = p.mid_year)
group by p.la_key, p.mid_year;
