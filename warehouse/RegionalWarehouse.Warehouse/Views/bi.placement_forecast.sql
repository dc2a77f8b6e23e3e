-- The placement forecast for Power BI: each member and the region (area_code E12000006), median and 80%/95%
-- prediction intervals by year ahead and placement group, with the weekly cost range where the DfE publishes one.
create view bi.placement_forecast as
select la.la_key, f.la_code as area_code, coalesce(la.la_name, 'East of England') as area_name, f.base_year, f.collection_year as forecast_year,
       f.collection_year - f.base_year as years_ahead, f.placement_group, f.median, f.lower_80, f.upper_80, f.lower_95, f.upper_95,
       f.weekly_cost_low, f.weekly_cost_high
from mart.placement_forecast f
left join ref.local_authority la on la.dfe_code = f.la_code;
