-- Every LAIT indicator becomes a contextual indicator like the operator's own: LA values per period (the
-- year the published period ends), with the polarity the DfE's dictionary gives, so any of them can be
-- correlated with a benchmark metric or shown beside it.
create view dw.indicator_value as
select la_key, period, indicator_code, value, symbol, source, submission_id
from (
    select i.la_key, i.period, i.indicator_code, i.value, i.symbol, i.source, i.submission_id,
           row_number() over (partition by i.la_key, i.period, i.indicator_code order by i.submission_id desc) as recency
    from dw.fact_indicator i
) loaded
where recency = 1
union all
select la_key, period, indicator_code, value, symbol, source, submission_id
from (
    -- A period can carry more than one label (2023 and 2023 (Rev)): the latest release's last label wins.
    select la.la_key, v.period_end_year as period, v.indicator as indicator_code, v.value, v.symbol, 'DfE LAIT' as source, v.submission_id,
           row_number() over (partition by la.la_key, v.period_end_year, v.indicator order by v.submission_id desc, v.years desc) as recency
    from dw.lait_value v
    join ref.local_authority la on la.la_key = v.area_number
    where v.period_end_year is not null
) published
where recency = 1;
