-- Reference data is seeded from ReferenceData/*.csv by the seed step after migrations.
CREATE TABLE ref.region (
    region_code      NVARCHAR(9)   NOT NULL CONSTRAINT pk_region PRIMARY KEY,
    region_name      NVARCHAR(100) NOT NULL
);

-- Room for every English LA; is_platform_member marks the authorities that submit to this platform.
CREATE TABLE ref.local_authority (
    la_key             INT           NOT NULL CONSTRAINT pk_local_authority PRIMARY KEY,
    dfe_code           NVARCHAR(3)   NOT NULL CONSTRAINT uq_local_authority_dfe UNIQUE,
    ons_code           NVARCHAR(9)   NOT NULL,
    la_name            NVARCHAR(100) NOT NULL,
    la_type            NVARCHAR(20)  NOT NULL,
    region_code        NVARCHAR(9)   NOT NULL,
    valid_from_year    INT           NOT NULL,
    valid_to_year      INT           NULL,
    is_platform_member BIT           NOT NULL
);

CREATE TABLE ref.comparator_group (
    group_code     NVARCHAR(40)  NOT NULL CONSTRAINT pk_comparator_group PRIMARY KEY,
    group_name     NVARCHAR(200) NOT NULL,
    group_type     NVARCHAR(30)  NOT NULL,
    owner_dfe_code NVARCHAR(3)   NULL,
    source         NVARCHAR(300) NOT NULL
);

CREATE TABLE ref.comparator_group_member (
    group_code      NVARCHAR(40) NOT NULL,
    member_dfe_code NVARCHAR(3)  NOT NULL,
    member_rank     INT          NOT NULL,
    CONSTRAINT pk_comparator_group_member PRIMARY KEY (group_code, member_dfe_code)
);

CREATE TABLE ref.code_list (
    return_type     NVARCHAR(20)  NOT NULL,
    field_name      NVARCHAR(40)  NOT NULL,
    code            NVARCHAR(10)  NOT NULL,
    description     NVARCHAR(300) NOT NULL,
    reporting_group NVARCHAR(60)  NOT NULL,
    valid_from_year INT           NOT NULL,
    valid_to_year   INT           NULL,
    CONSTRAINT pk_code_list PRIMARY KEY (return_type, field_name, code, valid_from_year)
);
