-- Population (loaded by the contextual returns) and the derived 903 views the metric catalogue counts over.

create table dw.fact_population (
    submission_id bigint      not null,
    la_key        integer     not null,
    mid_year      smallint    not null,
    sex           smallint    not null,
    age           smallint    not null,
    population    integer     not null
);

-- Benchmarks: one row per LA x collection year x metric, refreshed from the metric catalogue after loads.
create table mart.metric (
    metric_id     varchar(60)   not null primary key,
    name          varchar(200)  not null,
    description   varchar(1000) not null,
    theme         varchar(60)   not null,
    unit          varchar(20)   not null,
    polarity      varchar(20)   not null,
    numerator     varchar(300)  not null,
    denominator   varchar(300),
    source_facts  varchar(300)  not null,
    minimum_count integer       not null,
    display_order integer       not null
);

create table mart.benchmark (
    la_key            integer     not null,
    collection_year   smallint    not null,
    metric_id         varchar(60) not null,
    numerator         double,
    denominator       double,
    value             double,
    suppressed        boolean     not null,
    unavailable       boolean     not null,
    region_value      double,
    neighbour_average double,
    england_value     double,
    rank_in_region    smallint,
    la_count_ranked   smallint,
    quartile          smallint,
    refreshed_at      timestamp   not null,
    primary key (la_key, collection_year, metric_id)
);

create table mart.region_benchmark (
    region_code     varchar(9)  not null,
    collection_year smallint    not null,
    metric_id       varchar(60) not null,
    numerator       double,
    denominator     double,
    value           double,
    suppressed      boolean     not null,
    la_count        smallint    not null,
    primary key (region_code, collection_year, metric_id)
);
