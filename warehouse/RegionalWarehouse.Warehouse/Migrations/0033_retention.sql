-- Each return whose child-level rows were deleted because its data-sharing agreement's retention had run:
-- when, under which agreement, how many rows went, and when its archived and quarantined raw files went
-- (null until they have: the files go after the rows' transaction commits, and a later run finishes the job).
create table etl.retention_deletion (
    submission_id     bigint        not null primary key,
    la_code           varchar(9)    not null,
    return_type       varchar(20)   not null,
    period            varchar(10)   not null,
    agreement_id      varchar(40)   not null,
    retention_years   integer       not null,
    expired_on        date          not null,
    deleted_at        timestamp     not null,
    rows_deleted      bigint        not null,
    measures_retained integer       not null,
    files_deleted     integer,
    files_deleted_at  timestamp
);

-- The aggregates kept when child-level rows are deleted: each measure of the deleted year, and the measures of
-- the following years that look back into it (long-term stability, days from care to adoption), as the last
-- refresh computed them from the full history. A refresh takes these instead of recomputing them from what is
-- left, so deleting rows on time changes no published figure.
create table mart.retained_measure (
    la_key            integer       not null,
    collection_year   smallint      not null,
    metric_id         varchar(60)   not null,
    numerator         double,
    denominator       double,
    catalogue_version varchar(16)   not null,
    retained_at       timestamp     not null,
    submission_id     bigint        not null,
    primary key (la_key, collection_year, metric_id)
);
