-- Reference data is seeded from ReferenceData/*.csv by the seed step after migrations.
create table ref.region (
    region_code      varchar(9)   not null primary key,
    region_name      varchar(100) not null
);

-- Room for every English LA; is_platform_member marks the authorities that submit to this platform.
-- Validity years let boundary changes (e.g. Bedfordshire's 2009 split) coexist with history.
create table ref.local_authority (
    la_key             integer      not null primary key,
    dfe_code           varchar(3)   not null unique,
    ons_code           varchar(9)   not null,
    la_name            varchar(100) not null,
    la_type            varchar(20)  not null,
    region_code        varchar(9)   not null,
    valid_from_year    integer      not null,
    valid_to_year      integer,
    is_platform_member boolean      not null
);

-- Statistical neighbours, regions and any custom comparison sets are data, not code.
create table ref.comparator_group (
    group_code     varchar(40)  not null primary key,
    group_name     varchar(200) not null,
    group_type     varchar(30)  not null,
    owner_dfe_code varchar(3),
    source         varchar(300) not null
);

create table ref.comparator_group_member (
    group_code      varchar(40) not null,
    member_dfe_code varchar(3)  not null,
    member_rank     integer     not null,
    primary key (group_code, member_dfe_code)
);

-- Code lists change between collection years: each code carries the years it is valid for.
create table ref.code_list (
    return_type     varchar(20)  not null,
    field_name      varchar(40)  not null,
    code            varchar(10)  not null,
    description     varchar(300) not null,
    reporting_group varchar(60)  not null,
    valid_from_year integer      not null,
    valid_to_year   integer,
    primary key (return_type, field_name, code, valid_from_year)
);
