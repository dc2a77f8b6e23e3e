create or replace macro dw.cla_adoption_year_for(only_la) as table
with adoption_episode as (
    select la_key, collection_year, child_key, max(episode_start) as adoption_start
    from dw.fact_cla_episode
    where reason_ceased in ('E11', 'E12') and (only_la is null or la_key = only_la)
    group by la_key, collection_year, child_key
),
before_adoption as (
    select e.la_key, e.collection_year, e.child_key, e.episode_start,
           case when e.placement_type in ('A3', 'A4', 'A5', 'A6') then 1 else 0 end as for_adoption
    from (select * from dw.fact_cla_episode where only_la is null or la_key = only_la) e
    join adoption_episode ae
      on ae.la_key = e.la_key and ae.collection_year = e.collection_year and ae.child_key = e.child_key
    where e.episode_start <= ae.adoption_start
),
last_other as (
    select la_key, collection_year, child_key, max(case when for_adoption = 0 then episode_start end) as last_other_start
    from before_adoption
    group by la_key, collection_year, child_key
),
placed as (
    select b.la_key, b.collection_year, b.child_key, min(b.episode_start) as placed_on
    from before_adoption b
    join last_other o on o.la_key = b.la_key and o.collection_year = b.collection_year and o.child_key = b.child_key
    where b.for_adoption = 1 and (o.last_other_start is null or b.episode_start >= o.last_other_start)
    group by b.la_key, b.collection_year, b.child_key
)
select p.la_key, p.collection_year, p.child_key,
       date_diff('day', p.period_start, pl.placed_on) as days_care_to_placed,
       date_diff('day', a.date_should_be_adopted, a.date_matched) as days_decision_to_match
from (select * from dw.fact_cla_adoption where only_la is null or la_key = only_la) a
left join placed pl on pl.la_key = a.la_key and pl.collection_year = a.collection_year and pl.child_key = a.child_key
join dw.cla_child_year_for(only_la) p on p.la_key = a.la_key and p.collection_year = a.collection_year and p.child_key = a.child_key;
