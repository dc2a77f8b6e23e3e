-- Care leavers' OC3 records with the groups the benchmarks use. The DfE's EET and accommodation figures leave out
-- young people who have died or returned home for 6 months or more (IN_TOUCH DIED, RHOM), and the accommodation
-- figure also those gone abroad or deported (ACCOM X, Y), whose accommodation's suitability is not known.
create view dw.cla_care_leaver_year as
select o.la_key, o.collection_year, o.child_key, o.age_at_year_end,
       case when act.reporting_group = 'EET' then 1 else 0 end as in_eet,
       case when acc.reporting_group = 'Suitable' then 1 else 0 end as suitably_accommodated,
       case when o.in_touch = 'YES' then 1 else 0 end as in_touch,
       case when coalesce(o.in_touch, '') not in ('DIED', 'RHOM') then 1 else 0 end as counted_for_activity,
       case when coalesce(o.in_touch, '') not in ('DIED', 'RHOM') and coalesce(substring(o.accommodation, 1, 1), '') not in ('X', 'Y') then 1 else 0 end as counted_for_accommodation
from dw.fact_cla_oc3 o
left join (select code, max(reporting_group) as reporting_group from ref.code_list where return_type = 'SSDA903' and field_name = 'ACTIV' group by code) act on act.code = o.activity
left join (select code, max(reporting_group) as reporting_group from ref.code_list where return_type = 'SSDA903' and field_name = 'ACCOM' group by code) acc on acc.code = o.accommodation;
