create view bi.region_benchmark as
select r.region_code, r.collection_year, m.display_order as metric_key, r.numerator, r.denominator, r.value, r.suppressed, r.la_count
from mart.region_benchmark r
join mart.metric m on m.metric_id = r.metric_id;
