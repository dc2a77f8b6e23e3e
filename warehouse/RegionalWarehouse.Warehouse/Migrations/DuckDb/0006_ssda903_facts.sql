-- SSDA903 facts. Every row carries its submission (lineage); a resubmission replaces its predecessor's rows.
-- DuckDB needs no secondary indexes here: zone maps prune scans, and ART indexes would slow bulk appends.
-- Child keys are keyed-HMAC pseudonyms; birth dates are months; postcodes are districts.

create table dw.fact_cla_child (
    submission_id            bigint      not null,
    la_key                   integer     not null,
    collection_year          smallint    not null,
    child_key                bigint      not null,
    sex                      smallint,
    ethnic_code              varchar(4),
    birth_month              date,
    is_mother                boolean,
    mother_child_birth_month date,
    upn_recorded             boolean     not null
);


create table dw.fact_cla_episode (
    submission_id       bigint      not null,
    la_key              integer     not null,
    collection_year     smallint    not null,
    child_key           bigint      not null,
    episode_start       date        not null,
    episode_end         date,
    rne                 varchar(4),
    legal_status        varchar(4),
    category_of_need    varchar(4),
    placement_type      varchar(4),
    placement_provider  varchar(4),
    reason_ceased       varchar(4),
    reason_place_change varchar(8),
    home_district       varchar(4),
    placement_district  varchar(4),
    placement_urn       varchar(10),
    age_at_start        smallint
);


create table dw.fact_cla_review (
    submission_id   bigint      not null,
    la_key          integer     not null,
    collection_year smallint    not null,
    child_key       bigint      not null,
    review_date     date        not null,
    review_code     varchar(4)
);


create table dw.fact_cla_missing (
    submission_id   bigint      not null,
    la_key          integer     not null,
    collection_year smallint    not null,
    child_key       bigint      not null,
    missing_type    varchar(4),
    missing_start   date        not null,
    missing_end     date
);


create table dw.fact_cla_oc2 (
    submission_id         bigint      not null,
    la_key                integer     not null,
    collection_year       smallint    not null,
    child_key             bigint      not null,
    sdq_score             smallint,
    sdq_reason            varchar(4),
    convicted             boolean,
    health_check          boolean,
    immunisations         boolean,
    teeth_check           boolean,
    health_assessment     boolean,
    substance_misuse      boolean,
    intervention_received boolean,
    intervention_offered  boolean
);


create table dw.fact_cla_oc3 (
    submission_id   bigint      not null,
    la_key          integer     not null,
    collection_year smallint    not null,
    child_key       bigint      not null,
    in_touch        varchar(4),
    activity        varchar(4),
    accommodation   varchar(4),
    age_at_year_end smallint
);


create table dw.fact_cla_adoption (
    submission_id            bigint      not null,
    la_key                   integer     not null,
    collection_year          smallint    not null,
    child_key                bigint      not null,
    date_should_be_adopted   date,
    date_matched             date,
    adopted_by_foster_carer  boolean,
    number_of_adopters       smallint,
    sex_of_adopters          varchar(4),
    legal_status_of_adopters varchar(4)
);


create table dw.fact_cla_placed_for_adoption (
    submission_id        bigint      not null,
    la_key               integer     not null,
    collection_year      smallint    not null,
    child_key            bigint      not null,
    date_placed          date,
    date_placed_ceased   date,
    reason_placed_ceased varchar(4)
);


create table dw.fact_cla_uasc (
    submission_id    bigint      not null,
    la_key           integer     not null,
    collection_year  smallint    not null,
    child_key        bigint      not null,
    date_uasc_ceased date
);


create table dw.fact_cla_previous_permanence (
    submission_id       bigint      not null,
    la_key              integer     not null,
    collection_year     smallint    not null,
    child_key           bigint      not null,
    previous_permanence varchar(4),
    permanence_la       varchar(4),
    date_permanence     date
);

