-- Contextual data (population, deprivation, any LA indicator) and the DfE's published statistics.
-- Operators submit region-wide files under the landing folder "region", so the ledger's LA code widens.
ALTER TABLE etl.submission ALTER COLUMN la_code NVARCHAR(9) NOT NULL;
GO
-- What each indicator means: its unit, and whether a higher value is better.
create table ref.indicator (
    indicator_code NVARCHAR(60)  not null primary key,
    name           NVARCHAR(200) not null,
    unit           NVARCHAR(30)  not null,
    polarity       NVARCHAR(20)  not null,
    description    NVARCHAR(500) not null,
    source         NVARCHAR(300) not null
);
GO
-- Which published-statistics columns measure the same thing as a catalogue metric (their England and
-- region values take precedence over recomputed ones).
create table ref.published_metric (
    indicator      NVARCHAR(100) not null primary key,
    metric_id      NVARCHAR(60)  not null
);
GO
create table dw.fact_indicator (
    submission_id  BIGINT        not null,
    la_key         INT           not null,
    period         SMALLINT      not null,
    indicator_code NVARCHAR(60)  not null,
    value          FLOAT,
    symbol         NVARCHAR(5),
    source         NVARCHAR(200)
);
GO
-- Published statistics in the DfE open-data layout, one row per area, period and indicator column.
-- A suppressed or missing value keeps its symbol (c, z, x, :, low, u) with value null; never a zero.
create table dw.fact_published_statistic (
    submission_id    BIGINT        not null,
    collection_year  SMALLINT      not null,
    time_period      NVARCHAR(10)  not null,
    geographic_level NVARCHAR(20)  not null,
    area_code        NVARCHAR(9)   not null,
    la_code          NVARCHAR(3),
    area_name        NVARCHAR(100) not null,
    indicator        NVARCHAR(100) not null,
    value            FLOAT,
    symbol           NVARCHAR(5)
);
GO
-- Where each comparator came from: "published" (the DfE's own figure) or "recomputed" (from the LAs' returns).
ALTER TABLE mart.benchmark ADD region_source NVARCHAR(10) NULL, england_source NVARCHAR(10) NULL;
GO
