-- The CIN code list as a dimension; descriptions come from ref.code_list.
CREATE OR ALTER VIEW dw.dim_category_of_need AS
select code as category_of_need, max(description) as description, max(reporting_group) as reporting_group
from ref.code_list
where return_type = 'SSDA903' and field_name = 'CIN'
group by code;
