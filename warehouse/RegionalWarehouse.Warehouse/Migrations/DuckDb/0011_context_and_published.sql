-- Contextual data (population, deprivation, any LA indicator) and the DfE's published statistics.
-- Operators submit region-wide files under the landing folder "region", so the ledger's LA code widens.
alter table etl.submission alter column la_code type varchar(9);

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

-- Where each comparator came from: "published" (the DfE's own figure) or "recomputed" (from the LAs' returns).
alter table mart.benchmark add column region_source varchar(10);
alter table mart.benchmark add column england_source varchar(10);
