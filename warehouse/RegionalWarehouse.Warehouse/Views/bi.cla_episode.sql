create view bi.cla_episode as
select la_key, collection_year, child_key,
       year(episode_start) * 10000 + month(episode_start) * 100 + day(episode_start) as start_date_key,
       legal_status, category_of_need, placement_type, reason_ceased, age_at_start
from dw.cla_episode;
