-- Returns for consecutive years overlap (an episode open across 31 March is in both): the latest year's version wins.
create view dw.cla_missing as
select la_key, collection_year, submission_id, child_key, missing_type, missing_start, missing_end
from (
    select f.*, row_number() over (partition by f.la_key, f.child_key, f.missing_start order by f.collection_year desc, f.submission_id desc) as version_rank
    from dw.fact_cla_missing f
) latest
where version_rank = 1;
