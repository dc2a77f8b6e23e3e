-- Each LA's numerator and denominator of each metric by year, as the last refresh computed them from the
-- facts. A load recomputes only its own LA's rows and rebuilds the comparators (region, neighbours, England,
-- ranks) from this table, instead of re-aggregating every LA's history. catalogue_version names the metric
-- definitions the rows were computed with: rows from other definitions force a full refresh.
create table mart.la_measure (
    la_key            integer     not null,
    collection_year   smallint    not null,
    metric_id         varchar(60) not null,
    numerator         double,
    denominator       double,
    catalogue_version varchar(16) not null
);
