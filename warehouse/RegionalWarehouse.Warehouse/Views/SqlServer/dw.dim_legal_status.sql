-- The LS code list as a dimension; descriptions come from ref.code_list.
CREATE OR ALTER VIEW dw.dim_legal_status AS
select code as legal_status, max(description) as description, max(reporting_group) as reporting_group
from ref.code_list
where return_type = 'SSDA903' and field_name = 'LS'
group by code;
