-- Contextual data (population, deprivation, any LA indicator) and the DfE's published statistics.
-- Operators submit region-wide files under the landing folder "region", so the ledger's LA code widens.
alter table etl.submission alter column la_code type varchar(9);

-- Several submissions may cover the same LA and mid-year (a region-wide ONS file and a correction from
-- one LA): the latest loaded one counts, never their sum.
create or replace view dw.population_0_17 as
select p.la_key, p.mid_year, sum(p.population) as children
from dw.fact_population p
where p.age <= 17
  and p.submission_id = (select max(q.submission_id) from dw.fact_population q where q.la_key = p.la_key and q.mid_year = p.mid_year)
group by p.la_key, p.mid_year;

-- What each indicator means: its unit, and whether a higher value is better.
create table ref.indicator (
    indicator_code varchar(60)  not null primary key,
    name           varchar(200) not null,
    unit           varchar(30)  not null,
    polarity       varchar(20)  not null,
    description    varchar(500) not null,
    source         varchar(300) not null
);

-- Which published-statistics columns measure the same thing as a catalogue metric (their England and
-- region values take precedence over recomputed ones).
create table ref.published_metric (
    indicator      varchar(100) not null primary key,
    metric_id      varchar(60)  not null
);

create table dw.fact_indicator (
    submission_id  bigint       not null,
    la_key         integer      not null,
    period         smallint     not null,
    indicator_code varchar(60)  not null,
    value          double,
    symbol         varchar(5),
    source         varchar(200)
);

-- One value per LA, period and indicator: the latest loaded submission's.
create view dw.indicator_value as
select la_key, period, indicator_code, value, symbol, source, submission_id
from (
    select i.*, row_number() over (partition by i.la_key, i.period, i.indicator_code order by i.submission_id desc) as recency
    from dw.fact_indicator i
) ranked
where recency = 1;

-- Published statistics in the DfE open-data layout, one row per area, period and indicator column.
-- A suppressed or missing value keeps its symbol (c, z, x, :, low, u) with value null; never a zero.
create table dw.fact_published_statistic (
    submission_id    bigint       not null,
    collection_year  smallint     not null,
    time_period      varchar(10)  not null,
    geographic_level varchar(20)  not null,
    area_code        varchar(9)   not null,
    la_code          varchar(3),
    area_name        varchar(100) not null,
    indicator        varchar(100) not null,
    value            double,
    symbol           varchar(5)
);

create view dw.published_value as
select collection_year, time_period, geographic_level, area_code, la_code, area_name, indicator, value, symbol, submission_id
from (
    select p.*, row_number() over (partition by p.geographic_level, p.area_code, p.collection_year, p.indicator order by p.submission_id desc) as recency
    from dw.fact_published_statistic p
) ranked
where recency = 1;

-- Where each comparator came from: "published" (the DfE's own figure) or "recomputed" (from the LAs' returns).
alter table mart.benchmark add column region_source varchar(10);
alter table mart.benchmark add column england_source varchar(10);

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
