-- Every submission, whatever its fate, is a row here; every state change is a row in submission_event.
CREATE SEQUENCE etl.submission_id_seq AS BIGINT START WITH 1;

CREATE TABLE etl.submission (
    submission_id BIGINT         NOT NULL CONSTRAINT df_submission_id DEFAULT (NEXT VALUE FOR etl.submission_id_seq) CONSTRAINT pk_submission PRIMARY KEY,
    la_code       NVARCHAR(3)    NOT NULL,
    return_type   NVARCHAR(20)   NOT NULL,
    period        NVARCHAR(10)   NOT NULL,
    source_path   NVARCHAR(500)  NOT NULL,
    content_hash  NVARCHAR(64)   NOT NULL,
    state         NVARCHAR(30)   NOT NULL,
    received_at   DATETIME2      NOT NULL,
    updated_at    DATETIME2      NOT NULL,
    attempts      INT            NOT NULL,
    rows_loaded   BIGINT         NULL,
    error_count   INT            NOT NULL,
    warning_count INT            NOT NULL,
    is_current    BIT            NOT NULL,
    message       NVARCHAR(2000) NULL
);

CREATE TABLE etl.submission_event (
    submission_id BIGINT         NOT NULL,
    event_seq     INT            NOT NULL,
    state         NVARCHAR(30)   NOT NULL,
    occurred_at   DATETIME2      NOT NULL,
    detail        NVARCHAR(2000) NULL,
    CONSTRAINT pk_submission_event PRIMARY KEY (submission_id, event_seq)
);

CREATE TABLE etl.submission_issue (
    submission_id BIGINT         NOT NULL,
    issue_seq     INT            NOT NULL,
    rule_code     NVARCHAR(20)   NOT NULL,
    severity      NVARCHAR(10)   NOT NULL,
    file_name     NVARCHAR(260)  NULL,
    table_name    NVARCHAR(40)   NULL,
    source_row    INT            NULL,
    column_name   NVARCHAR(60)   NULL,
    cell_value    NVARCHAR(200)  NULL,
    message       NVARCHAR(1000) NOT NULL,
    CONSTRAINT pk_submission_issue PRIMARY KEY (submission_id, issue_seq)
);
