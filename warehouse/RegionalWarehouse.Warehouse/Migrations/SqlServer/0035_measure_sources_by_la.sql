-- One LA's refresh was still mostly spent on every LA: a filter on la_key reaches a windowed view when it is a
-- constant, but not across a join (the child's attributes, missing episodes and UASC status are left-joined on
-- the LA and child), so those views ran their windows over the whole country. Each of the two measure sources
-- that did so is now a function of the LA (null: every LA) that filters every view it reads by that LA, and the
-- view is that function for every LA, so there is one definition. The refresh after a load reads
-- dw.cla_child_year_for(la) and dw.cla_adoption_year_for(la); everything else reads the views as before.

CREATE FUNCTION dw.cla_child_year_for(@only_la INT) RETURNS TABLE AS RETURN
with in_year as (
    select y.collection_year, y.year_start, y.year_end, s.la_key, s.child_key, s.episode_start, s.episode_end, s.rne,
           s.legal_status, s.placement_type, s.reason_ceased, s.placement_seq, p.period_start, p.placement_start, p.previous_placement_start,
           case when s.episode_end between y.year_start and y.year_end and s.reason_ceased <> 'X1' then 1 else 0 end as is_cease
    from (select * from dw.cla_year where @only_la is null or la_key = @only_la) y
    join (select * from dw.cla_episode_sequence where @only_la is null or la_key = @only_la) s on s.la_key = y.la_key
        and s.episode_start <= y.year_end and (s.episode_end is null or s.episode_end >= y.year_start)
    join (select * from dw.cla_placement where @only_la is null or la_key = @only_la) p on p.la_key = s.la_key and p.child_key = s.child_key and p.placement_seq = s.placement_seq and p.period_seq = s.period_seq
    where coalesce(s.legal_status, '') not in ('V3', 'V4')
),
ranked as (
    select in_year.*,
           row_number() over (partition by la_key, collection_year, child_key order by episode_start) as first_rank,
           row_number() over (partition by la_key, collection_year, child_key order by episode_start desc) as last_rank,
           row_number() over (partition by la_key, collection_year, child_key order by is_cease desc, episode_end desc) as cease_rank
    from in_year
),
per_child as (
    select la_key, collection_year, child_key, max(year_start) as year_start, max(year_end) as year_end,
           max(case when last_rank = 1 and (episode_end is null or episode_end > year_end) then 1 else 0 end) as in_care_31_march,
           max(case when rne = 'S' and episode_start >= year_start then 1 else 0 end) as started_in_year,
           max(is_cease) as ceased_in_year,
           max(case when cease_rank = 1 and is_cease = 1 then reason_ceased end) as reason_ceased,
           sum(case when first_rank = 1 or (rne in ('S', 'P', 'T', 'B') and episode_start >= year_start) then 1 else 0 end) as placements_in_year,
           max(case when last_rank = 1 then placement_type end) as placement_type,
           max(case when last_rank = 1 then legal_status end) as legal_status,
           max(case when last_rank = 1 then period_start end) as period_start,
           max(case when last_rank = 1 then placement_start end) as placement_start,
           max(case when last_rank = 1 then previous_placement_start end) as previous_placement_start
    from ranked
    group by la_key, collection_year, child_key
),
missing as (
    select m.la_key, y.collection_year, m.child_key, count(*) as incidents
    from (select * from dw.cla_missing where @only_la is null or la_key = @only_la) m
    join (select * from dw.cla_year where @only_la is null or la_key = @only_la) y on y.la_key = m.la_key and m.missing_start between y.year_start and y.year_end
    where m.missing_type = 'M'
    group by m.la_key, y.collection_year, m.child_key
)
select c.la_key, c.collection_year, c.child_key,
       c.collection_year - YEAR(d.birth_month) - case when MONTH(d.birth_month) > 3 then 1 else 0 end as age_31_march,
       c.in_care_31_march, c.started_in_year, c.ceased_in_year, c.reason_ceased, rc.reporting_group as ceased_group,
       c.placements_in_year, c.placement_type, pt.reporting_group as placement_group, c.legal_status, ls.reporting_group as legal_status_group,
       c.period_start, c.placement_start,
       case when c.in_care_31_march = 1
                 and c.period_start <= DATEADD(month, -30, c.year_end)
                 and (c.placement_start <= DATEADD(month, -24, c.year_end)
                      or (pt.reporting_group = 'Placed for adoption' and c.previous_placement_start <= DATEADD(month, -24, c.year_end)))
            then 1 else 0 end as stable_two_years,
       case when c.in_care_31_march = 1 and c.period_start <= DATEADD(month, -30, c.year_end) then 1 else 0 end as in_care_two_and_a_half_years,
       coalesce(m.incidents, 0) as missing_incidents,
       case when u.child_key is not null and c.in_care_31_march = 1 then 1 else 0 end as uasc_31_march
from per_child c
left join (select * from dw.dim_child where @only_la is null or la_key = @only_la) d on d.la_key = c.la_key and d.child_key = c.child_key
left join dw.dim_placement_type pt on pt.placement_type = c.placement_type
left join dw.dim_legal_status ls on ls.legal_status = c.legal_status
left join dw.dim_reason_ceased rc on rc.reason_ceased = c.reason_ceased
left join missing m on m.la_key = c.la_key and m.collection_year = c.collection_year and m.child_key = c.child_key
left join (select * from dw.fact_cla_uasc where @only_la is null or la_key = @only_la) u on u.la_key = c.la_key and u.collection_year = c.collection_year and u.child_key = c.child_key
    and (u.date_uasc_ceased is null or u.date_uasc_ceased > c.year_end);
GO

CREATE OR ALTER VIEW dw.cla_child_year AS
SELECT * FROM dw.cla_child_year_for(NULL);
GO

CREATE FUNCTION dw.cla_adoption_year_for(@only_la INT) RETURNS TABLE AS RETURN
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
)
select p.la_key, p.collection_year, p.child_key,
       DATEDIFF(day, p.period_start, pl.placed_on) as days_care_to_placed,
       DATEDIFF(day, a.date_should_be_adopted, a.date_matched) as days_decision_to_match
from (select * from dw.fact_cla_adoption where @only_la is null or la_key = @only_la) a
left join placed pl on pl.la_key = a.la_key and pl.collection_year = a.collection_year and pl.child_key = a.child_key
join dw.cla_child_year_for(@only_la) p on p.la_key = a.la_key and p.collection_year = a.collection_year and p.child_key = a.child_key;
GO

CREATE OR ALTER VIEW dw.cla_adoption_year AS
SELECT * FROM dw.cla_adoption_year_for(NULL);
GO
