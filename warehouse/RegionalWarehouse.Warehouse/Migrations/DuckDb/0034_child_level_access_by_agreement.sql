-- Child-level rows reach an analyst only as the LA's agreements allow: a grant in Access:LaAnalysts
-- (ref.user_la_access) covers an LA's rows of a return type only while that LA has an agreement in force for
-- it that covers child-level data. The model's row-level security reads this view, as at its last refresh.
drop view bi.user_la_access;

create view bi.user_la_access as
select distinct u.user_principal_name, u.la_key, a.return_type
from ref.user_la_access u
join ref.local_authority l on l.la_key = u.la_key
join ref.data_sharing_agreement a on a.la_dfe_code = l.dfe_code
where a.child_level
  and a.starts_on <= current_date
  and (a.ends_on is null or current_date <= a.ends_on);
