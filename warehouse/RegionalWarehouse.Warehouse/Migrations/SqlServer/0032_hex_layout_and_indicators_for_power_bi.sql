-- Each LA's hexagon in the shipped hex layout (ReferenceData/Geo, seeded from the hexjson), and its centre in
-- plain x/y so the Power BI report can draw the hex map as a scatter: no geocoding, no tenant setting.
create table ref.la_hex (
    ons_code varchar(9) not null primary key,
    hex_q    smallint   not null,
    hex_r    smallint   not null
);
GO

create or alter view bi.local_authority as
select la.la_key, la.dfe_code, la.ons_code, la.la_name, la.la_type, la.region_code, la.region_name, la.is_platform_member,
       cast(h.hex_q + 0.5 * (h.hex_r % 2) as float) * 1.7320508075688772 as hex_x,
       cast(h.hex_r as float) * 1.5 as hex_y
from dw.dim_local_authority la
left join ref.la_hex h on h.ons_code = la.ons_code;
GO

-- What the report's correlation page pairs with a metric: for each collection year the marts hold, every LA's
-- latest value of each contextual indicator at or before that year (the rule `rw correlate` and the dashboard use).
-- The integer key is the indicator's place in code order, the same in both views at any one refresh.
create view bi.indicator as
select dense_rank() over (order by indicator_code) as indicator_key, indicator_code, name, unit, polarity, description, source
from dw.indicator_definition;
GO

create view bi.indicator_value as
select latest.collection_year, latest.la_key, k.indicator_key, latest.value, latest.indicator_period
from (
    select y.collection_year, i.la_key, i.indicator_code, i.value, i.period as indicator_period,
           row_number() over (partition by y.collection_year, i.la_key, i.indicator_code order by i.period desc) as recency
    from (select distinct collection_year from mart.benchmark) y
    join dw.indicator_value i on i.period <= y.collection_year and i.value is not null
) latest
join bi.indicator k on k.indicator_code = latest.indicator_code
where latest.recency = 1;
GO

-- The quartile band as the dashboard letters it (A = best quarter by polarity; across England where ranked
-- there, else within the region; none for a neutral measure), so the report's map can colour LAs by it.
create or alter view bi.benchmark as
select b.la_key, b.collection_year, m.display_order as metric_key, b.numerator, b.denominator, b.value, b.suppressed,
       b.region_value, b.neighbour_average, b.england_value, b.rank_in_region, b.la_count_ranked, b.quartile,
       b.region_source, b.england_source, b.neighbour_median, b.neighbour_count, b.neighbour_source,
       b.rank_in_england, b.la_count_england, b.quartile_england, b.published_value, b.published_differs,
       case when m.polarity = 'Neutral' then null else case coalesce(b.quartile_england, b.quartile) when 1 then 'A' when 2 then 'B' when 3 then 'C' when 4 then 'D' end end as band
from mart.benchmark b
join mart.metric m on m.metric_id = b.metric_id;
GO
