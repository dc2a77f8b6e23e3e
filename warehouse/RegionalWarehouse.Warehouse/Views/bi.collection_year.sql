create view bi.collection_year as
select collection_year, min(financial_year) as year_label, min(calendar_date) as year_start, max(calendar_date) as year_end
from dw.dim_date
group by collection_year;
