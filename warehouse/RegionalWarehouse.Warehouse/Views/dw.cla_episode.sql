-- Returns for consecutive years overlap (an episode open across 31 March is in both): the latest year's version wins.
create view dw.cla_episode as
select la_key, collection_year, submission_id, child_key, episode_start, episode_end, rne, legal_status, category_of_need, placement_type, placement_provider, reason_ceased, reason_place_change, home_district, placement_district, placement_urn, age_at_start
from (
    select f.*, row_number() over (partition by f.la_key, f.child_key, f.episode_start order by f.collection_year desc, f.submission_id desc) as version_rank
    from dw.fact_cla_episode f
) latest
where version_rank = 1;
