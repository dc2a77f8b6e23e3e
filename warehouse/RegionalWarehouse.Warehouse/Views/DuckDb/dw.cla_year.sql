-- The collection years each LA has a 903 for, with their first and last days.
create or replace view dw.cla_year as
select distinct la_key, collection_year,
       make_date(collection_year - 1, 4, 1) as year_start,
       make_date(collection_year, 3, 31) as year_end
from dw.fact_cla_child;
