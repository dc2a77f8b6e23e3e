create view dw.published_value as
select collection_year, time_period, geographic_level, area_code, la_code, area_name, indicator, value, symbol, submission_id
from (
    select p.*, row_number() over (partition by p.geographic_level, p.area_code, p.collection_year, p.indicator order by p.submission_id desc) as recency
    from dw.fact_published_statistic p
) ranked
where recency = 1;
