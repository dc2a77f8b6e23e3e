-- The PLACE code list as a dimension; descriptions come from ref.code_list.
create view dw.dim_placement_type as
select code as placement_type, max(description) as description, max(reporting_group) as reporting_group
from ref.code_list
where return_type = 'SSDA903' and field_name = 'PLACE'
group by code;
