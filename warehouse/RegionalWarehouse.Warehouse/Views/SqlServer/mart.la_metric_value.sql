-- One value per LA, year and metric for the map and the scatter: a member's own (mart, already suppressed)
-- and, for every other LA in England, the DfE's published figure. Where LAIT and an open-data publication
-- both give one, LAIT's counts, as in the marts' comparators. A published "c" is shown as suppressed; any
-- other symbol or a missing value as unavailable.
CREATE OR ALTER VIEW mart.la_metric_value as
select la.dfe_code, la.ons_code, la.la_name, la.region_code, la.is_platform_member, b.collection_year, b.metric_id,
       case when b.suppressed = 1 or b.unavailable = 1 then null else b.value end as value, b.suppressed, b.unavailable,
       cast('platform' as varchar(10)) as value_source
from mart.benchmark b
join ref.local_authority la on la.la_key = b.la_key
union all
select la.dfe_code, la.ons_code, la.la_name, la.region_code, la.is_platform_member, p.collection_year, p.metric_id,
       p.value,
       cast(case when coalesce(p.symbol, '') = 'c' and p.value is null then 1 else 0 end as bit),
       cast(case when p.value is null and coalesce(p.symbol, '') <> 'c' then 1 else 0 end as bit),
       cast('published' as varchar(10))
from (
    select c.la_code, c.collection_year, c.metric_id, c.value, c.symbol,
           row_number() over (partition by c.la_code, c.collection_year, c.metric_id order by case when c.source = 'LAIT' then 0 else 1 end) as preference
    from dw.published_comparator c
    where c.geographic_level = 'Local authority' and c.la_code is not null
) p
join ref.local_authority la on la.dfe_code = p.la_code
where p.preference = 1
  and not exists (select 1 from mart.benchmark b
                  where b.la_key = la.la_key and b.collection_year = p.collection_year and b.metric_id = p.metric_id);
