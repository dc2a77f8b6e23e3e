-- Contextual data (population, deprivation, any LA indicator) and the DfE's published statistics.
-- Operators submit region-wide files under the landing folder "region", so the ledger's LA code widens.
ALTER TABLE etl.submission ALTER COLUMN la_code NVARCHAR(9) NOT NULL;
GO

-- Several submissions may cover the same LA and mid-year (a region-wide ONS file and a correction from
-- one LA): the latest loaded one counts, never their sum.
create or alter view dw.population_0_17 as
select p.la_key, p.mid_year, sum(p.population) as children
from dw.fact_population p
where p.age <= 17
  and p.submission_id = (select max(q.submission_id) from dw.fact_population q where q.la_key = p.la_key and q.mid_year = p.mid_year)
group by p.la_key, p.mid_year;
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

-- One value per LA, period and indicator: the latest loaded submission's.
create view dw.indicator_value as
select la_key, period, indicator_code, value, symbol, source, submission_id
from (
    select i.*, row_number() over (partition by i.la_key, i.period, i.indicator_code order by i.submission_id desc) as recency
    from dw.fact_indicator i
) ranked
where recency = 1;
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

create view dw.published_value as
select collection_year, time_period, geographic_level, area_code, la_code, area_name, indicator, value, symbol, submission_id
from (
    select p.*, row_number() over (partition by p.geographic_level, p.area_code, p.collection_year, p.indicator order by p.submission_id desc) as recency
    from dw.fact_published_statistic p
) ranked
where recency = 1;
GO

-- Where each comparator came from: "published" (the DfE's own figure) or "recomputed" (from the LAs' returns).
ALTER TABLE mart.benchmark ADD region_source NVARCHAR(10) NULL, england_source NVARCHAR(10) NULL;
GO

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
GO
