-- The REC code list as a dimension; descriptions come from ref.code_list.
create view dw.dim_reason_ceased as
select code as reason_ceased, max(description) as description, max(reporting_group) as reporting_group
from ref.code_list
where return_type = 'SSDA903' and field_name = 'REC'
group by code;
