-- The quartile band as the dashboard letters it (A = best quarter by polarity; across England where ranked
-- there, else within the region; none for a neutral measure), so the report's map can colour LAs by it, and
-- which of the two sets it was drawn from, so no band is shown without saying so.
create view bi.benchmark as
select b.la_key, b.collection_year, m.display_order as metric_key, b.numerator, b.denominator, b.value, b.suppressed,
       b.region_value, b.neighbour_average, b.england_value, b.rank_in_region, b.la_count_ranked, b.quartile,
       b.region_source, b.england_source, b.neighbour_median, b.neighbour_count, b.neighbour_source,
       b.rank_in_england, b.la_count_england, b.quartile_england, b.published_value, b.published_differs,
       case when m.polarity = 'Neutral' then null else case coalesce(b.quartile_england, b.quartile) when 1 then 'A' when 2 then 'B' when 3 then 'C' when 4 then 'D' end end as band,
       case when m.polarity = 'Neutral' then null when b.quartile_england is not null then 'England' when b.quartile is not null then 'region' end as band_scope
from mart.benchmark b
join mart.metric m on m.metric_id = b.metric_id;
