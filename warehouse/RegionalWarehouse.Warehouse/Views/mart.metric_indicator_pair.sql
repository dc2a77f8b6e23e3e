-- Every LA's (unsuppressed) benchmark value beside each indicator's latest value at or before that year:
-- the pairs `rw correlate` and the dashboards correlate across LAs.
create view mart.metric_indicator_pair as
select b.metric_id, i.indicator_code, b.collection_year, b.la_key, b.value as metric_value, i.period as indicator_period, i.value as indicator_value
from mart.benchmark b
join dw.indicator_value i on i.la_key = b.la_key
where b.value is not null
  and i.value is not null
  and i.period = (select max(j.period) from dw.indicator_value j
                  where j.la_key = i.la_key and j.indicator_code = i.indicator_code and j.period <= b.collection_year and j.value is not null);
