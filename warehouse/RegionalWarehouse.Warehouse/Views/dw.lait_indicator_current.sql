-- The dictionary entry of each indicator from the latest release that describes it.
create view dw.lait_indicator_current as
select indicator, measure_code, topic, name, data_item, polarity, y_axis_name, description, methodology, source, decimal_places, year_type, no_quartile
from (
    select i.*, row_number() over (partition by i.indicator order by i.submission_id desc) as recency
    from dw.lait_indicator i
) ranked
where recency = 1;
