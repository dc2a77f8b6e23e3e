-- The ETHNIC code list as a dimension; descriptions come from ref.code_list.
create view dw.dim_ethnicity as
select code as ethnic_code, max(description) as description, max(reporting_group) as reporting_group
from ref.code_list
where return_type = 'SSDA903' and field_name = 'ETHNIC'
group by code;
