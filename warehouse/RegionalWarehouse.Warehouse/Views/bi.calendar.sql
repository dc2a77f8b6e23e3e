create view bi.calendar as
select date_key, calendar_date, calendar_year, calendar_month, month_name, financial_year, collection_year
from dw.dim_date;
