-- The PLACE_PROVIDER code list as a dimension; descriptions come from ref.code_list.
create view dw.dim_placement_provider as
select code as placement_provider, max(description) as description, max(reporting_group) as reporting_group
from ref.code_list
where return_type = 'SSDA903' and field_name = 'PLACE_PROVIDER'
group by code;
