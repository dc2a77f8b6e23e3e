create or replace view mart.data_quality as
select la.la_key, la.dfe_code, s.return_type, try_cast(s.period as integer) as collection_year, s.children, s.children_with_errors,
       case when s.children > 0 then 100.0 * s.children_with_errors / s.children end as children_with_errors_pct, s.submission_id
from etl.submission s
join ref.local_authority la on la.dfe_code = s.la_code
where s.is_current and s.return_type = 'SSDA903' and s.children is not null;
