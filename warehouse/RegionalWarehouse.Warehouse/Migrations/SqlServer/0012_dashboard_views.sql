-- The benchmarks as the web dashboard reads them: each mart row with its LA's codes and name and its
-- metric's display order. Marts only, so nothing here is child-level.
create view mart.la_benchmark as
select la.dfe_code, la.la_name, b.collection_year, b.metric_id, m.display_order, b.value, b.suppressed, b.unavailable,
       b.region_value, b.neighbour_average, b.england_value, b.rank_in_region, b.la_count_ranked, b.quartile
from mart.benchmark b
join ref.local_authority la on la.la_key = b.la_key
join mart.metric m on m.metric_id = b.metric_id;
GO
