-- SSDA903 facts. Every row carries its submission (lineage); a resubmission replaces its predecessor's rows.
-- Child keys are keyed-HMAC pseudonyms; birth dates are months; postcodes are districts.

CREATE TABLE dw.fact_cla_child (
    submission_id            BIGINT       NOT NULL,
    la_key                   INT          NOT NULL,
    collection_year          SMALLINT     NOT NULL,
    child_key                BIGINT       NOT NULL,
    sex                      SMALLINT     NULL,
    ethnic_code              NVARCHAR(4)  NULL,
    birth_month              DATE         NULL,
    is_mother                BIT          NULL,
    mother_child_birth_month DATE         NULL,
    upn_recorded             BIT          NOT NULL
);

CREATE INDEX ix_fact_cla_child_submission ON dw.fact_cla_child (submission_id);

CREATE TABLE dw.fact_cla_episode (
    submission_id       BIGINT       NOT NULL,
    la_key              INT          NOT NULL,
    collection_year     SMALLINT     NOT NULL,
    child_key           BIGINT       NOT NULL,
    episode_start       DATE         NOT NULL,
    episode_end         DATE         NULL,
    rne                 NVARCHAR(4)  NULL,
    legal_status        NVARCHAR(4)  NULL,
    category_of_need    NVARCHAR(4)  NULL,
    placement_type      NVARCHAR(4)  NULL,
    placement_provider  NVARCHAR(4)  NULL,
    reason_ceased       NVARCHAR(4)  NULL,
    reason_place_change NVARCHAR(8)  NULL,
    home_district       NVARCHAR(4)  NULL,
    placement_district  NVARCHAR(4)  NULL,
    placement_urn       NVARCHAR(10) NULL,
    age_at_start        SMALLINT     NULL
);

CREATE INDEX ix_fact_cla_episode_submission ON dw.fact_cla_episode (submission_id);

CREATE TABLE dw.fact_cla_review (
    submission_id   BIGINT       NOT NULL,
    la_key          INT          NOT NULL,
    collection_year SMALLINT     NOT NULL,
    child_key       BIGINT       NOT NULL,
    review_date     DATE         NOT NULL,
    review_code     NVARCHAR(4)  NULL
);

CREATE INDEX ix_fact_cla_review_submission ON dw.fact_cla_review (submission_id);

CREATE TABLE dw.fact_cla_missing (
    submission_id   BIGINT       NOT NULL,
    la_key          INT          NOT NULL,
    collection_year SMALLINT     NOT NULL,
    child_key       BIGINT       NOT NULL,
    missing_type    NVARCHAR(4)  NULL,
    missing_start   DATE         NOT NULL,
    missing_end     DATE         NULL
);

CREATE INDEX ix_fact_cla_missing_submission ON dw.fact_cla_missing (submission_id);

CREATE TABLE dw.fact_cla_oc2 (
    submission_id         BIGINT       NOT NULL,
    la_key                INT          NOT NULL,
    collection_year       SMALLINT     NOT NULL,
    child_key             BIGINT       NOT NULL,
    sdq_score             SMALLINT     NULL,
    sdq_reason            NVARCHAR(4)  NULL,
    convicted             BIT          NULL,
    health_check          BIT          NULL,
    immunisations         BIT          NULL,
    teeth_check           BIT          NULL,
    health_assessment     BIT          NULL,
    substance_misuse      BIT          NULL,
    intervention_received BIT          NULL,
    intervention_offered  BIT          NULL
);

CREATE INDEX ix_fact_cla_oc2_submission ON dw.fact_cla_oc2 (submission_id);

CREATE TABLE dw.fact_cla_oc3 (
    submission_id   BIGINT       NOT NULL,
    la_key          INT          NOT NULL,
    collection_year SMALLINT     NOT NULL,
    child_key       BIGINT       NOT NULL,
    in_touch        NVARCHAR(4)  NULL,
    activity        NVARCHAR(4)  NULL,
    accommodation   NVARCHAR(4)  NULL,
    age_at_year_end SMALLINT     NULL
);

CREATE INDEX ix_fact_cla_oc3_submission ON dw.fact_cla_oc3 (submission_id);

CREATE TABLE dw.fact_cla_adoption (
    submission_id            BIGINT       NOT NULL,
    la_key                   INT          NOT NULL,
    collection_year          SMALLINT     NOT NULL,
    child_key                BIGINT       NOT NULL,
    date_should_be_adopted   DATE         NULL,
    date_matched             DATE         NULL,
    adopted_by_foster_carer  BIT          NULL,
    number_of_adopters       SMALLINT     NULL,
    sex_of_adopters          NVARCHAR(4)  NULL,
    legal_status_of_adopters NVARCHAR(4)  NULL
);

CREATE INDEX ix_fact_cla_adoption_submission ON dw.fact_cla_adoption (submission_id);

CREATE TABLE dw.fact_cla_placed_for_adoption (
    submission_id        BIGINT       NOT NULL,
    la_key               INT          NOT NULL,
    collection_year      SMALLINT     NOT NULL,
    child_key            BIGINT       NOT NULL,
    date_placed          DATE         NULL,
    date_placed_ceased   DATE         NULL,
    reason_placed_ceased NVARCHAR(4)  NULL
);

CREATE INDEX ix_fact_cla_placed_for_adoption_submission ON dw.fact_cla_placed_for_adoption (submission_id);

CREATE TABLE dw.fact_cla_uasc (
    submission_id    BIGINT       NOT NULL,
    la_key           INT          NOT NULL,
    collection_year  SMALLINT     NOT NULL,
    child_key        BIGINT       NOT NULL,
    date_uasc_ceased DATE         NULL
);

CREATE INDEX ix_fact_cla_uasc_submission ON dw.fact_cla_uasc (submission_id);

CREATE TABLE dw.fact_cla_previous_permanence (
    submission_id       BIGINT       NOT NULL,
    la_key              INT          NOT NULL,
    collection_year     SMALLINT     NOT NULL,
    child_key           BIGINT       NOT NULL,
    previous_permanence NVARCHAR(4)  NULL,
    permanence_la       NVARCHAR(4)  NULL,
    date_permanence     DATE         NULL
);

CREATE INDEX ix_fact_cla_previous_permanence_submission ON dw.fact_cla_previous_permanence (submission_id);
