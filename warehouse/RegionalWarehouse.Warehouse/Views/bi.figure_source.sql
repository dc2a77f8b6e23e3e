-- "Explain this number" in Power BI: the current 903 behind each member's figures for a year (which submission,
-- when it was loaded, its data quality), beside the metric's definition, numerator and denominator in bi.metric.
create view bi.figure_source as
select q.la_key, q.collection_year, q.submission_id, s.updated_at as loaded_at, s.state, q.children, q.children_with_errors, q.children_with_errors_pct
from mart.data_quality q
join etl.submission s on s.submission_id = q.submission_id;
