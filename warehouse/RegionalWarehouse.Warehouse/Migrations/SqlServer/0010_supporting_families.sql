-- Supporting Families: one row per family the LA worked with in a financial quarter (its attachment),
-- and one row per identified need with whether and when its outcome was achieved.
-- collection_year is the financial year's end (2024-Q3, October-December 2024, belongs to 2025), as for the 903.

create table ref.sf_headline (
    headline_code  NVARCHAR(30)  not null primary key,
    headline_no    SMALLINT     not null,
    name           NVARCHAR(100) not null
);
GO
create table dw.fact_sf_family (
    submission_id   BIGINT      not null,
    la_key          INT         not null,
    collection_year SMALLINT    not null,
    quarter         SMALLINT    not null,
    family_key      BIGINT      not null,
    attached_date   date        not null,
    lead_service    NVARCHAR(20) not null,
    children        SMALLINT    not null,
    adults          SMALLINT    not null,
    need_count      SMALLINT    not null,
    claim_type      NVARCHAR(3),
    claim_date      date,
    closed_date     date,
    closure_reason  NVARCHAR(20)
);
GO
create table dw.fact_sf_need (
    submission_id    BIGINT      not null,
    la_key           INT         not null,
    collection_year  SMALLINT    not null,
    quarter          SMALLINT    not null,
    family_key       BIGINT      not null,
    headline_code    NVARCHAR(30) not null,
    outcome_achieved BIT         not null,
    outcome_date     date
);
GO
