-- Population (loaded by the contextual returns) and the derived 903 views the metric catalogue counts over.

create table dw.fact_population (
    submission_id BIGINT      not null,
    la_key        INT     not null,
    mid_year      SMALLINT    not null,
    sex           SMALLINT    not null,
    age           SMALLINT    not null,
    population    INT     not null
);
GO
-- Benchmarks: one row per LA x collection year x metric, refreshed from the metric catalogue after loads.
create table mart.metric (
    metric_id     NVARCHAR(60)   not null primary key,
    name          NVARCHAR(200)  not null,
    description   NVARCHAR(1000) not null,
    theme         NVARCHAR(60)   not null,
    unit          NVARCHAR(20)   not null,
    polarity      NVARCHAR(20)   not null,
    numerator     NVARCHAR(300)  not null,
    denominator   NVARCHAR(300) NULL,
    source_facts  NVARCHAR(300)  not null,
    minimum_count INT       not null,
    display_order INT       not null
);
GO
create table mart.benchmark (
    la_key            INT     not null,
    collection_year   SMALLINT    not null,
    metric_id         NVARCHAR(60) not null,
    numerator         FLOAT NULL,
    denominator       FLOAT NULL,
    value             FLOAT NULL,
    suppressed        BIT     not null,
    unavailable       BIT     not null,
    region_value      FLOAT NULL,
    neighbour_average FLOAT NULL,
    england_value     FLOAT NULL,
    rank_in_region    SMALLINT NULL,
    la_count_ranked   SMALLINT NULL,
    quartile          SMALLINT NULL,
    refreshed_at      DATETIME2   not null,
    primary key (la_key, collection_year, metric_id)
);
GO
create table mart.region_benchmark (
    region_code     NVARCHAR(9)  not null,
    collection_year SMALLINT    not null,
    metric_id       NVARCHAR(60) not null,
    numerator       FLOAT NULL,
    denominator     FLOAT NULL,
    value           FLOAT NULL,
    suppressed      BIT     not null,
    la_count        SMALLINT    not null,
    primary key (region_code, collection_year, metric_id)
);
