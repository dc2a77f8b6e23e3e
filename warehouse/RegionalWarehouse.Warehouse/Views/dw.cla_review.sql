-- Returns for consecutive years overlap (an episode open across 31 March is in both): the latest year's version wins.
create view dw.cla_review as
select la_key, collection_year, submission_id, child_key, review_date, review_code
from (
    select f.*, row_number() over (partition by f.la_key, f.child_key, f.review_date order by f.collection_year desc, f.submission_id desc) as version_rank
    from dw.fact_cla_review f
) latest
where version_rank = 1;
