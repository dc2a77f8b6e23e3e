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
