-- One value per indicator, area and published period: the latest loaded release's.
create view dw.lait_value as
select indicator, area_number, area_name, region_name, years, period_end_year, value_text, value, symbol, submission_id
from (
    select v.*, row_number() over (partition by v.indicator, v.area_number, v.years order by v.submission_id desc) as recency
    from dw.fact_lait_value v
) ranked
where recency = 1;
