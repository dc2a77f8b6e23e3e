-- The collection years each LA has a 903 for, with their first and last days.
CREATE OR ALTER VIEW dw.cla_year as
select distinct la_key, collection_year,
       DATEFROMPARTS(collection_year - 1, 4, 1) as year_start,
       DATEFROMPARTS(collection_year, 3, 31) as year_end
from dw.fact_cla_child;
