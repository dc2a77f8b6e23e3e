-- Adoption timeliness as the DfE's adoption scorecard measures it, one row per adopted child and reporting year:
-- each adoption counts in the year it happened and the two after, so a year's measure is the scorecard's
-- three-year average, given only when the LA's returns cover all three years.
--   A1 (days_care_to_placed): from entering care to moving in with the adoptive family; for a child adopted by
--     its foster carers (AD1 FOSTER_CARE), to moving in with them (the A10 adjustment): the start of the
--     placement it was in before being placed for adoption.
--   A2 (days_authority_to_match): from the court's authority to place (the first placement order, LS E1, or
--     freeing order, D1, of the period of care) to the match with adopters, 0 when matched before it; a child
--     with no placement order is left out.
CREATE OR ALTER FUNCTION dw.cla_adoption_year_for(@only_la INT) RETURNS TABLE AS RETURN
with adoption_episode as (
    select la_key, collection_year, child_key, max(episode_start) as adoption_start
    from dw.fact_cla_episode
    where reason_ceased in ('E11', 'E12') and (@only_la is null or la_key = @only_la)
    group by la_key, collection_year, child_key
),
before_adoption as (
    select e.la_key, e.collection_year, e.child_key, e.episode_start,
           case when e.placement_type in ('A3', 'A4', 'A5', 'A6') then 1 else 0 end as for_adoption
    from (select * from dw.fact_cla_episode where @only_la is null or la_key = @only_la) e
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
),
with_foster_carers as (
    select pl.la_key, pl.collection_year, pl.child_key, min(p.placement_start) as moved_in_on
    from placed pl
    join (select * from dw.cla_episode_sequence where @only_la is null or la_key = @only_la) s
      on s.la_key = pl.la_key and s.child_key = pl.child_key and s.episode_end = pl.placed_on
         and coalesce(s.placement_type, '') not in ('A3', 'A4', 'A5', 'A6')
    join (select * from dw.cla_placement where @only_la is null or la_key = @only_la) p
      on p.la_key = s.la_key and p.child_key = s.child_key and p.period_seq = s.period_seq and p.placement_seq = s.placement_seq
    group by pl.la_key, pl.collection_year, pl.child_key
),
adopted as (
    select a.la_key, a.collection_year, a.child_key, a.date_matched,
           cy.period_start,
           case when a.adopted_by_foster_carer = 1 then coalesce(f.moved_in_on, pl.placed_on) else pl.placed_on end as moved_in_on,
           ae.adoption_start
    from (select * from dw.fact_cla_adoption where @only_la is null or la_key = @only_la) a
    join dw.cla_child_year_for(@only_la) cy on cy.la_key = a.la_key and cy.collection_year = a.collection_year and cy.child_key = a.child_key
    left join adoption_episode ae on ae.la_key = a.la_key and ae.collection_year = a.collection_year and ae.child_key = a.child_key
    left join placed pl on pl.la_key = a.la_key and pl.collection_year = a.collection_year and pl.child_key = a.child_key
    left join with_foster_carers f on f.la_key = a.la_key and f.collection_year = a.collection_year and f.child_key = a.child_key
),
authority as (
    select ad.la_key, ad.collection_year, ad.child_key, min(s.episode_start) as authority_on
    from adopted ad
    join (select * from dw.cla_episode_sequence where @only_la is null or la_key = @only_la) s
      on s.la_key = ad.la_key and s.child_key = ad.child_key
         and s.legal_status in ('E1', 'D1') and s.episode_start >= ad.period_start and s.episode_start <= ad.adoption_start
    group by ad.la_key, ad.collection_year, ad.child_key
),
three_year_window as (
    select y.la_key, y.collection_year
    from (select * from dw.cla_year where @only_la is null or la_key = @only_la) y
    join (select * from dw.cla_year where @only_la is null or la_key = @only_la) covered
      on covered.la_key = y.la_key and covered.collection_year between y.collection_year - 2 and y.collection_year
    group by y.la_key, y.collection_year
    having count(*) = 3
)
select w.la_key, w.collection_year, ad.collection_year as adopted_year, ad.child_key,
       DATEDIFF(day, ad.period_start, ad.moved_in_on) as days_care_to_placed,
       case when au.authority_on is null or ad.date_matched is null then null
            when ad.date_matched < au.authority_on then 0
            else DATEDIFF(day, au.authority_on, ad.date_matched) end as days_authority_to_match
from adopted ad
join three_year_window w on w.la_key = ad.la_key and ad.collection_year between w.collection_year - 2 and w.collection_year
left join authority au on au.la_key = ad.la_key and au.collection_year = ad.collection_year and au.child_key = ad.child_key;
