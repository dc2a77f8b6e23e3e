-- Early warning (funnel-plot flags, PHE Fingertips' method) and the placement forecast with its back-test, for the
-- dashboard, the CLI and Power BI. Aggregates only: each row is an LA, a year and a metric or placement group.

-- One row per LA, year, metric and comparator (England, the LA's statistical neighbours, its own previous three
-- years): the figure, the target, the 95% and 99.8% limits at the LA's denominator, and where the figure falls.
create table mart.early_warning (
    la_code          varchar(9)  not null,
    collection_year  smallint    not null,
    metric_id        varchar(60) not null,
    comparator       varchar(30) not null,
    value            double      not null,
    target           double      not null,
    denominator      double      not null,
    lower_95         double      not null,
    upper_95         double      not null,
    lower_99_8       double      not null,
    upper_99_8       double      not null,
    significance     varchar(20) not null,
    reading          varchar(20) not null,
    primary key (la_code, collection_year, metric_id, comparator)
);

-- Children looked after at 31 March by placement group, projected from the last loaded year: the median of the
-- simulations and the 80% and 95% prediction intervals. la_code 'E12000006' is the region (the members summed in
-- each simulation, so its interval is not the sum of the LAs' intervals).
create table mart.placement_forecast (
    la_code          varchar(9)  not null,
    base_year        smallint    not null,
    collection_year  smallint    not null,
    placement_group  varchar(60) not null,
    median           double      not null,
    lower_80         double      not null,
    upper_80         double      not null,
    lower_95         double      not null,
    upper_95         double      not null,
    weekly_cost_low  double,
    weekly_cost_high double,
    computed_at      timestamp   not null,
    primary key (la_code, collection_year, placement_group)
);

-- The forecast tried on the past: fitted to year t, forecast t+1 to t+3, compared with what was loaded.
create table mart.forecast_backtest (
    la_code          varchar(9)  not null,
    horizon_years    smallint    not null,
    forecasts        smallint    not null,
    mean_abs_pct_error double    not null,
    coverage_80      double      not null,
    coverage_95      double      not null,
    computed_at      timestamp   not null,
    primary key (la_code, horizon_years)
);
