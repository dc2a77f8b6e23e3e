-- Each LA's numerator and denominator of each metric by year, as the last refresh computed them from the
-- facts. A load recomputes only its own LA's rows and rebuilds the comparators (region, neighbours, England,
-- ranks) from this table, instead of re-aggregating every LA's history. catalogue_version names the metric
-- definitions the rows were computed with: rows from other definitions force a full refresh.
CREATE TABLE mart.la_measure (
    la_key            INT          NOT NULL,
    collection_year   SMALLINT     NOT NULL,
    metric_id         NVARCHAR(60) NOT NULL,
    numerator         FLOAT        NULL,
    denominator       FLOAT        NULL,
    catalogue_version NVARCHAR(16) NOT NULL
);
GO

CREATE INDEX ix_la_measure_la ON mart.la_measure (la_key);
GO
