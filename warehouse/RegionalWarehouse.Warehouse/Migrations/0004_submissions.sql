-- Every submission, whatever its fate, is a row here; every state change is a row in submission_event.
create sequence etl.submission_id_seq;

create table etl.submission (
    submission_id bigint        not null default nextval('etl.submission_id_seq') primary key,
    la_code       varchar(3)    not null,
    return_type   varchar(20)   not null,
    period        varchar(10)   not null,
    source_path   varchar(500)  not null,
    content_hash  varchar(64)   not null,
    state         varchar(30)   not null,
    received_at   timestamp     not null,
    updated_at    timestamp     not null,
    attempts      integer       not null,
    rows_loaded   bigint,
    error_count   integer       not null,
    warning_count integer       not null,
    is_current    boolean       not null,
    message       varchar(2000)
);

create table etl.submission_event (
    submission_id bigint        not null,
    event_seq     integer       not null,
    state         varchar(30)   not null,
    occurred_at   timestamp     not null,
    detail        varchar(2000),
    primary key (submission_id, event_seq)
);

-- Issues name the file, row and column; identifying values are masked before they are stored.
create table etl.submission_issue (
    submission_id bigint        not null,
    issue_seq     integer       not null,
    rule_code     varchar(20)   not null,
    severity      varchar(10)   not null,
    file_name     varchar(260),
    table_name    varchar(40),
    source_row    integer,
    column_name   varchar(60),
    cell_value    varchar(200),
    message       varchar(1000) not null,
    primary key (submission_id, issue_seq)
);
