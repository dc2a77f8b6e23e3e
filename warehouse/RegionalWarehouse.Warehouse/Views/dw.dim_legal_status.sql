-- The LS code list as a dimension; descriptions come from ref.code_list.
create view dw.dim_legal_status as
select code as legal_status, max(description) as description, max(reporting_group) as reporting_group
from ref.code_list
where return_type = 'SSDA903' and field_name = 'LS'
group by code;
