-- Named views over the 903 facts: current versions and code dimensions.

-- One row per pseudonymous child: the attributes from the latest return that mentions the child.
create view dw.dim_child as
select la_key, child_key, sex, ethnic_code, birth_month, is_mother
from (
    select c.la_key, c.child_key, c.sex, c.ethnic_code, c.birth_month, c.is_mother,
           row_number() over (partition by c.child_key order by c.collection_year desc, c.submission_id desc) as version_rank
    from dw.fact_cla_child c
) latest
where version_rank = 1;

-- Returns for consecutive years overlap (an episode open across 31 March is in both): the latest year's version wins.
create view dw.cla_episode as
select la_key, collection_year, submission_id, child_key, episode_start, episode_end, rne, legal_status, category_of_need, placement_type, placement_provider, reason_ceased, reason_place_change, home_district, placement_district, placement_urn, age_at_start
from (
    select f.*, row_number() over (partition by f.la_key, f.child_key, f.episode_start order by f.collection_year desc, f.submission_id desc) as version_rank
    from dw.fact_cla_episode f
) latest
where version_rank = 1;

-- Returns for consecutive years overlap (an episode open across 31 March is in both): the latest year's version wins.
create view dw.cla_review as
select la_key, collection_year, submission_id, child_key, review_date, review_code
from (
    select f.*, row_number() over (partition by f.la_key, f.child_key, f.review_date order by f.collection_year desc, f.submission_id desc) as version_rank
    from dw.fact_cla_review f
) latest
where version_rank = 1;

-- Returns for consecutive years overlap (an episode open across 31 March is in both): the latest year's version wins.
create view dw.cla_missing as
select la_key, collection_year, submission_id, child_key, missing_type, missing_start, missing_end
from (
    select f.*, row_number() over (partition by f.la_key, f.child_key, f.missing_start order by f.collection_year desc, f.submission_id desc) as version_rank
    from dw.fact_cla_missing f
) latest
where version_rank = 1;

-- The LS code list as a dimension; descriptions come from ref.code_list.
create view dw.dim_legal_status as
select code as legal_status, max(description) as description, max(reporting_group) as reporting_group
from ref.code_list
where return_type = 'SSDA903' and field_name = 'LS'
group by code;

-- The PLACE code list as a dimension; descriptions come from ref.code_list.
create view dw.dim_placement_type as
select code as placement_type, max(description) as description, max(reporting_group) as reporting_group
from ref.code_list
where return_type = 'SSDA903' and field_name = 'PLACE'
group by code;

-- The PLACE_PROVIDER code list as a dimension; descriptions come from ref.code_list.
create view dw.dim_placement_provider as
select code as placement_provider, max(description) as description, max(reporting_group) as reporting_group
from ref.code_list
where return_type = 'SSDA903' and field_name = 'PLACE_PROVIDER'
group by code;

-- The RNE code list as a dimension; descriptions come from ref.code_list.
create view dw.dim_reason_new_episode as
select code as rne, max(description) as description, max(reporting_group) as reporting_group
from ref.code_list
where return_type = 'SSDA903' and field_name = 'RNE'
group by code;

-- The REC code list as a dimension; descriptions come from ref.code_list.
create view dw.dim_reason_ceased as
select code as reason_ceased, max(description) as description, max(reporting_group) as reporting_group
from ref.code_list
where return_type = 'SSDA903' and field_name = 'REC'
group by code;

-- The CIN code list as a dimension; descriptions come from ref.code_list.
create view dw.dim_category_of_need as
select code as category_of_need, max(description) as description, max(reporting_group) as reporting_group
from ref.code_list
where return_type = 'SSDA903' and field_name = 'CIN'
group by code;

-- The ETHNIC code list as a dimension; descriptions come from ref.code_list.
create view dw.dim_ethnicity as
select code as ethnic_code, max(description) as description, max(reporting_group) as reporting_group
from ref.code_list
where return_type = 'SSDA903' and field_name = 'ETHNIC'
group by code;
