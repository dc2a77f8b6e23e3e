-- The DfE's national benchmarking data (LAIT) and statistical neighbour model, loaded as published, and
-- the comparators built on them: neighbours from the DfE model, England and region as the DfE published
-- them, national rank and quartile over every English LA, each saying where its numbers came from.

-- LAIT and the neighbour model number areas the DfE way: LAs by DfE code, England 970, regions 980-990.
alter table ref.region add column dfe_area_number smallint;

-- Which published indicators measure the same thing as a catalogue metric, from which source, and how
-- far an LA's own figure may differ from the published one before the report flags it.
alter table ref.published_metric add column source varchar(10);
alter table ref.published_metric add column tolerance double;

-- LAIT's data dictionary: one row per indicator (Short Desc / Measure_short), as published.
create table dw.lait_indicator (
    submission_id  bigint        not null,
    indicator      varchar(100)  not null,
    measure_code   varchar(40),
    topic          varchar(200),
    name           varchar(400)  not null,
    data_item      varchar(400),
    polarity       varchar(10)   not null,
    y_axis_name    varchar(200),
    description    varchar(4000),
    methodology    varchar(4000),
    source         varchar(1000),
    decimal_places smallint,
    year_type      varchar(60),
    no_quartile    varchar(20)
);

-- LAIT's big data set in long form, unchanged: the published text of every value is kept beside its
-- number; "-" (nothing published) and any other symbol has value null and keeps its symbol.
-- period_end_year is the year the published period ends (2024-25 -> 2025, 2014-16 -> 2016).
create table dw.fact_lait_value (
    submission_id   bigint        not null,
    indicator       varchar(100)  not null,
    area_number     smallint      not null,
    area_name       varchar(100)  not null,
    region_name     varchar(60),
    years           varchar(30)   not null,
    period_end_year smallint,
    value_text      varchar(60)   not null,
    value           double,
    symbol          varchar(10)
);

-- One value per indicator, area and published period: the latest loaded release's.
create view dw.lait_value as
select indicator, area_number, area_name, region_name, years, period_end_year, value_text, value, symbol, submission_id
from (
    select v.*, row_number() over (partition by v.indicator, v.area_number, v.years order by v.submission_id desc) as recency
    from dw.fact_lait_value v
) ranked
where recency = 1;

-- The dictionary entry of each indicator from the latest release that describes it.
create view dw.lait_indicator_current as
select indicator, measure_code, topic, name, data_item, polarity, y_axis_name, description, methodology, source, decimal_places, year_type, no_quartile
from (
    select i.*, row_number() over (partition by i.indicator order by i.submission_id desc) as recency
    from dw.lait_indicator i
) ranked
where recency = 1;

-- The DfE children's services statistical neighbour model, one row per LA and neighbour, as published.
-- model_version is the submission period (2025-05 for May 2025); is_former marks the file's "Old SNs"
-- section for authorities that no longer exist.
create table dw.fact_statistical_neighbour (
    submission_id   bigint       not null,
    model_version   varchar(10)  not null,
    la_number       smallint     not null,
    la_name         varchar(100) not null,
    neighbour_rank  smallint     not null,
    neighbour_number smallint    not null,
    closeness       varchar(30),
    is_former       boolean      not null
);

-- The neighbours in force: the latest model version loaded, current authorities only.
create view dw.statistical_neighbour as
select n.model_version, n.la_number, n.la_name, n.neighbour_rank, n.neighbour_number, n.closeness
from dw.fact_statistical_neighbour n
where not n.is_former
  and n.model_version = (select max(m.model_version) from dw.fact_statistical_neighbour m);

-- Every published value of an indicator mapped to a catalogue metric, from either published source, with
-- its area as the marts name it: England, a region (ONS code) or an LA (DfE code).
create view dw.published_comparator as
select 'National' as geographic_level, 'E92000001' as area_code, cast(null as varchar(3)) as la_code,
       v.period_end_year as collection_year, m.metric_id, v.value, v.symbol, 'LAIT' as source
from dw.lait_value v join ref.published_metric m on m.indicator = v.indicator and m.source = 'LAIT'
where v.area_number = 970 and v.period_end_year is not null
union all
select 'Regional', r.region_code, null, v.period_end_year, m.metric_id, v.value, v.symbol, 'LAIT'
from dw.lait_value v
join ref.published_metric m on m.indicator = v.indicator and m.source = 'LAIT'
join ref.region r on r.dfe_area_number = v.area_number
where v.period_end_year is not null
union all
select 'Local authority', la.ons_code, la.dfe_code, v.period_end_year, m.metric_id, v.value, v.symbol, 'LAIT'
from dw.lait_value v
join ref.published_metric m on m.indicator = v.indicator and m.source = 'LAIT'
join ref.local_authority la on la.la_key = v.area_number
where v.period_end_year is not null
union all
select p.geographic_level, p.area_code, p.la_code, p.collection_year, m.metric_id, p.value, p.symbol, 'PUBLISHED'
from dw.published_value p join ref.published_metric m on m.indicator = p.indicator and coalesce(m.source, 'PUBLISHED') = 'PUBLISHED';

-- The comparators drawing on published data, each with its source: "published" (the DfE's figure),
-- "recomputed" (from members' returns) or "mixed" (neighbours: members' own values and published ones).
alter table mart.benchmark add column neighbour_median double;
alter table mart.benchmark add column neighbour_count smallint;
alter table mart.benchmark add column neighbour_source varchar(10);
alter table mart.benchmark add column rank_in_england smallint;
alter table mart.benchmark add column la_count_england smallint;
alter table mart.benchmark add column quartile_england smallint;
alter table mart.benchmark add column published_value double;
alter table mart.benchmark add column published_differs boolean;

-- Each LA's statistical neighbours with the value used for each: a member's own (platform) or published.
create table mart.benchmark_neighbour (
    la_key           integer     not null,
    collection_year  smallint    not null,
    metric_id        varchar(60) not null,
    neighbour_rank   smallint    not null,
    neighbour_la_key integer     not null,
    closeness        varchar(30),
    value            double,
    value_source     varchar(10),
    primary key (la_key, collection_year, metric_id, neighbour_rank)
);

-- Each LA's neighbours with their codes and names, as `rw benchmark` and the dashboard list them.
create view mart.la_benchmark_neighbour as
select la.dfe_code, n.collection_year, n.metric_id, n.neighbour_rank, nb.dfe_code as neighbour_dfe_code, nb.la_name as neighbour_name,
       nb.is_platform_member as neighbour_is_member, n.closeness, n.value, n.value_source
from mart.benchmark_neighbour n
join ref.local_authority la on la.la_key = n.la_key
join ref.local_authority nb on nb.la_key = n.neighbour_la_key;

create or replace view mart.la_benchmark as
select la.dfe_code, la.la_name, b.collection_year, b.metric_id, m.display_order, b.value, b.suppressed, b.unavailable,
       b.region_value, b.neighbour_average, b.england_value, b.rank_in_region, b.la_count_ranked, b.quartile,
       b.region_source, b.england_source, b.neighbour_median, b.neighbour_count, b.neighbour_source,
       b.rank_in_england, b.la_count_england, b.quartile_england, b.published_value, b.published_differs
from mart.benchmark b
join ref.local_authority la on la.la_key = b.la_key
join mart.metric m on m.metric_id = b.metric_id;

create or replace view bi.benchmark as
select b.la_key, b.collection_year, m.display_order as metric_key, b.numerator, b.denominator, b.value, b.suppressed,
       b.region_value, b.neighbour_average, b.england_value, b.rank_in_region, b.la_count_ranked, b.quartile,
       b.region_source, b.england_source, b.neighbour_median, b.neighbour_count, b.neighbour_source,
       b.rank_in_england, b.la_count_england, b.quartile_england, b.published_value, b.published_differs
from mart.benchmark b
join mart.metric m on m.metric_id = b.metric_id;

create or replace view bi.local_authority as
select la_key, dfe_code, ons_code, la_name, la_type, region_code, region_name, is_platform_member
from dw.dim_local_authority;
