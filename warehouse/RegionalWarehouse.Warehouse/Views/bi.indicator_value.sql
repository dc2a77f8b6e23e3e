create view bi.indicator_value as
select latest.collection_year, latest.la_key, k.indicator_key, latest.value, latest.indicator_period
from (
    select y.collection_year, i.la_key, i.indicator_code, i.value, i.period as indicator_period,
           row_number() over (partition by y.collection_year, i.la_key, i.indicator_code order by i.period desc) as recency
    from (select distinct collection_year from mart.benchmark) y
    join dw.indicator_value i on i.period <= y.collection_year and i.value is not null
) latest
join bi.indicator k on k.indicator_code = latest.indicator_code
where latest.recency = 1;
