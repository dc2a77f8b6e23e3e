-- The RNE code list as a dimension; descriptions come from ref.code_list.
create view dw.dim_reason_new_episode as
select code as rne, max(description) as description, max(reporting_group) as reporting_group
from ref.code_list
where return_type = 'SSDA903' and field_name = 'RNE'
group by code;
