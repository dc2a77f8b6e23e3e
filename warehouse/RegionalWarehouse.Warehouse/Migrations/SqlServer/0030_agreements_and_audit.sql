-- The data-sharing agreements each LA has signed (ReferenceData/data_sharing_agreements.csv, versioned in git
-- and applied by `rw migrate`): which of its returns the platform may take, for what purpose, which fields
-- the agreement withholds, from when to when, and how long child-level rows may be kept.
CREATE TABLE ref.data_sharing_agreement (
    agreement_id     NVARCHAR(40)   NOT NULL,
    la_dfe_code      NVARCHAR(3)    NOT NULL,
    return_type      NVARCHAR(20)   NOT NULL,
    agreement_name   NVARCHAR(200)  NOT NULL,
    purpose          NVARCHAR(500)  NOT NULL,
    child_level      BIT            NOT NULL,
    withheld_fields  NVARCHAR(500)  NULL,
    starts_on        DATE           NOT NULL,
    ends_on          DATE           NULL,
    retention_years  INT            NOT NULL,
    CONSTRAINT pk_data_sharing_agreement PRIMARY KEY (agreement_id, la_dfe_code, return_type)
);
GO

-- What happened, by whom or what, when, to which LA's return: loads, rejections, replacements, mart refreshes
-- and changes of agreement. Never personal data: codes, counts and plain-English detail only.
CREATE SEQUENCE etl.audit_event_id_seq AS BIGINT START WITH 1;
GO

CREATE TABLE etl.audit_event (
    event_id      BIGINT         NOT NULL CONSTRAINT df_audit_event_id DEFAULT (NEXT VALUE FOR etl.audit_event_id_seq) CONSTRAINT pk_audit_event PRIMARY KEY,
    occurred_at   DATETIME2      NOT NULL,
    actor         NVARCHAR(100)  NOT NULL,
    action        NVARCHAR(40)   NOT NULL,
    la_code       NVARCHAR(9)    NULL,
    return_type   NVARCHAR(20)   NULL,
    period        NVARCHAR(10)   NULL,
    submission_id BIGINT         NULL,
    row_count     BIGINT         NULL,
    detail        NVARCHAR(2000) NULL
);
GO

CREATE INDEX ix_audit_event_la ON etl.audit_event (la_code, occurred_at);
GO
