-- Early warning for Power BI: each member's figure against England, the region, its statistical neighbours and its
-- own previous three years, with the funnel limits at its denominator and the verdict (PHE Fingertips' method).
create view bi.early_warning as
select la.la_key, w.collection_year, m.display_order as metric_key, w.comparator, w.value, w.target, w.denominator,
       w.lower_95, w.upper_95, w.lower_99_8, w.upper_99_8, w.significance, w.reading
from mart.early_warning w
join ref.local_authority la on la.dfe_code = w.la_code
join mart.metric m on m.metric_id = w.metric_id;
