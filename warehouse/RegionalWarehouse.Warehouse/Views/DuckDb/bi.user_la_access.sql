create or replace view bi.user_la_access as
select distinct u.user_principal_name, u.la_key, a.return_type
from ref.user_la_access u
join ref.local_authority l on l.la_key = u.la_key
join ref.data_sharing_agreement a on a.la_dfe_code = l.dfe_code
where a.child_level
  and a.starts_on <= current_date
  and (a.ends_on is null or current_date <= a.ends_on);
