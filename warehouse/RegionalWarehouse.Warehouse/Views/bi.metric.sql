create view bi.metric as
select display_order as metric_key, metric_id, name, description, theme, unit, polarity, numerator, denominator
from mart.metric;
