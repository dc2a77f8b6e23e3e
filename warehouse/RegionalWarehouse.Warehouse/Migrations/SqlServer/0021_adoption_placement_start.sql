-- A child adopted in the year moved in with the adopters when the placement for adoption (A3-A6) that the
-- adoption ended began: the first of the run of A3-A6 episodes before the episode ending E11/E12.
-- PlacedAdoption's DATE_PLACED is the date of the decision to place for adoption (the DfE checks it equals
-- AD1 DATE_INT, rule 523), so measuring the move from it undercounted the days from care to placement.
create or alter view dw.cla_adoption_year as
with adoption_episode as (
    select la_key, collection_year, child_key, max(episode_start) as adoption_start
    from dw.fact_cla_episode
    where reason_ceased in ('E11', 'E12')
    group by la_key, collection_year, child_key
),
placed as (
    select ae.la_key, ae.collection_year, ae.child_key, min(e.episode_start) as placed_on
    from adoption_episode ae
    join dw.fact_cla_episode e
      on e.la_key = ae.la_key and e.collection_year = ae.collection_year and e.child_key = ae.child_key
    where e.placement_type in ('A3', 'A4', 'A5', 'A6') and e.episode_start <= ae.adoption_start
      and not exists (
          select 1 from dw.fact_cla_episode x
          where x.la_key = e.la_key and x.collection_year = e.collection_year and x.child_key = e.child_key
            and x.episode_start > e.episode_start and x.episode_start <= ae.adoption_start
            and (x.placement_type is null or x.placement_type not in ('A3', 'A4', 'A5', 'A6')))
    group by ae.la_key, ae.collection_year, ae.child_key
)
select a.la_key, a.collection_year, a.child_key,
       DATEDIFF(day, p.period_start, pl.placed_on) as days_care_to_placed,
       DATEDIFF(day, a.date_should_be_adopted, a.date_matched) as days_decision_to_match
from dw.fact_cla_adoption a
left join placed pl on pl.la_key = a.la_key and pl.collection_year = a.collection_year and pl.child_key = a.child_key
left join dw.cla_child_year p on p.la_key = a.la_key and p.collection_year = a.collection_year and p.child_key = a.child_key;
GO
