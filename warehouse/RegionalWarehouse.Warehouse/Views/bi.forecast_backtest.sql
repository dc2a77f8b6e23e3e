-- How the placement forecast did on the past, per member and horizon: shown beside every forecast.
create view bi.forecast_backtest as
select la.la_key, b.la_code as area_code, la.la_name as area_name, b.horizon_years, b.forecasts, b.mean_abs_pct_error, b.coverage_80, b.coverage_95
from mart.forecast_backtest b
left join ref.local_authority la on la.dfe_code = b.la_code;
