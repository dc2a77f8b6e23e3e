-- The data-sharing agreements each LA has signed (ReferenceData/data_sharing_agreements.csv, versioned in git
-- and applied by `rw migrate`): which of its returns the platform may take, for what purpose, which fields
-- the agreement withholds, from when to when, and how long child-level rows may be kept.
create table ref.data_sharing_agreement (
    agreement_id     varchar(40)   not null,
    la_dfe_code      varchar(3)    not null,
    return_type      varchar(20)   not null,
    agreement_name   varchar(200)  not null,
    purpose          varchar(500)  not null,
    child_level      boolean       not null,
    withheld_fields  varchar(500),
    starts_on        date          not null,
    ends_on          date,
    retention_years  integer       not null,
    primary key (agreement_id, la_dfe_code, return_type)
);

-- What happened, by whom or what, when, to which LA's return: loads, rejections, replacements, mart refreshes
-- and changes of agreement. Never personal data: codes, counts and plain-English detail only.
create sequence etl.audit_event_id_seq;
create table etl.audit_event (
    event_id      bigint        not null default nextval('etl.audit_event_id_seq') primary key,
    occurred_at   timestamp     not null,
    actor         varchar(100)  not null,
    action        varchar(40)   not null,
    la_code       varchar(9),
    return_type   varchar(20),
    period        varchar(10),
    submission_id bigint,
    row_count     bigint,
    detail        varchar(2000)
);

-- The audit trail is read by LA and time (`rw audit --la`, the governance report).
create index ix_audit_event_la on etl.audit_event (la_code, occurred_at);
