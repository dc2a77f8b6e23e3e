-- Each return whose child-level rows were deleted because its data-sharing agreement's retention had run:
-- when, under which agreement, how many rows went, and when its archived and quarantined raw files went
-- (null until they have: the files go after the rows' transaction commits, and a later run finishes the job).
CREATE TABLE etl.retention_deletion (
    submission_id     BIGINT        NOT NULL CONSTRAINT pk_retention_deletion PRIMARY KEY,
    la_code           NVARCHAR(9)   NOT NULL,
    return_type       NVARCHAR(20)  NOT NULL,
    period            NVARCHAR(10)  NOT NULL,
    agreement_id      NVARCHAR(40)  NOT NULL,
    retention_years   INT           NOT NULL,
    expired_on        DATE          NOT NULL,
    deleted_at        DATETIME2     NOT NULL,
    rows_deleted      BIGINT        NOT NULL,
    measures_retained INT           NOT NULL,
    files_deleted     INT           NULL,
    files_deleted_at  DATETIME2     NULL
);
GO

-- The aggregates kept when child-level rows are deleted: each measure of the deleted year, and the measures of
-- the following years that look back into it (long-term stability, days from care to adoption), as the last
-- refresh computed them from the full history. A refresh takes these instead of recomputing them from what is
-- left, so deleting rows on time changes no published figure.
CREATE TABLE mart.retained_measure (
    la_key            INT           NOT NULL,
    collection_year   SMALLINT      NOT NULL,
    metric_id         NVARCHAR(60)  NOT NULL,
    numerator         FLOAT         NULL,
    denominator       FLOAT         NULL,
    catalogue_version NVARCHAR(16)  NOT NULL,
    retained_at       DATETIME2     NOT NULL,
    submission_id     BIGINT        NOT NULL,
    CONSTRAINT pk_retained_measure PRIMARY KEY (la_key, collection_year, metric_id)
);
GO
