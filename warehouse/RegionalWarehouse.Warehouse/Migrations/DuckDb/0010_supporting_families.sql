-- Supporting Families: one row per family the LA worked with in a financial quarter (its attachment),
-- and one row per identified need with whether and when its outcome was achieved.
-- collection_year is the financial year's end (2024-Q3, October-December 2024, belongs to 2025), as for the 903.

create table ref.sf_headline (
    headline_code  varchar(30)  not null primary key,
    headline_no    smallint     not null,
    name           varchar(100) not null
);

create table dw.fact_sf_family (
    submission_id   bigint      not null,
    la_key          integer     not null,
    collection_year smallint    not null,
    quarter         smallint    not null,
    family_key      bigint      not null,
    attached_date   date        not null,
    lead_service    varchar(20) not null,
    children        smallint    not null,
    adults          smallint    not null,
    need_count      smallint    not null,
    claim_type      varchar(3),
    claim_date      date,
    closed_date     date,
    closure_reason  varchar(20)
);

create table dw.fact_sf_need (
    submission_id    bigint      not null,
    la_key           integer     not null,
    collection_year  smallint    not null,
    quarter          smallint    not null,
    family_key       bigint      not null,
    headline_code    varchar(30) not null,
    outcome_achieved boolean     not null,
    outcome_date     date
);
