-- The placement forecast's history for one LA (null: every LA), as counts only: for each pair of consecutive years
-- loaded, where last year's children looked after at 31 March (by age and placement) were on this 31 March (left
-- care: group_after null), and the children looked after now who were not a year ago (entrants: group_before null).
-- Residential settings are one group (secure units, children's homes, residential schools and other residential
-- care), as the forecast's placement types are the ones a sufficiency plan costs. Ages run 0 to 17.
create or replace macro dw.cla_placement_transition_for(only_la) as table
with in_care as (
    select la_key, collection_year, child_key,
           case when age_31_march is null or age_31_march < 0 then 0 when age_31_march > 17 then 17 else age_31_march end as age,
           case when placement_group in ('Secure, homes and hostels', 'Other residential settings', 'Residential schools') then 'Residential settings'
                when placement_group in ('Foster placements', 'Placed with parents', 'Placed for adoption', 'Independent living') then placement_group
                else 'Other placements' end as placement_group
    from dw.cla_child_year_for(only_la)
    where in_care_31_march = 1
),
held as (select distinct la_key, collection_year from in_care)
select a.la_key, h.collection_year, a.age as age_before, a.placement_group as group_before, b.age as age_after, b.placement_group as group_after,
       count(*) as children
from in_care a
join held h on h.la_key = a.la_key and h.collection_year = a.collection_year + 1
left join in_care b on b.la_key = a.la_key and b.collection_year = h.collection_year and b.child_key = a.child_key
group by a.la_key, h.collection_year, a.age, a.placement_group, b.age, b.placement_group
union all
select b.la_key, b.collection_year, null, null, b.age, b.placement_group, count(*)
from in_care b
join held p on p.la_key = b.la_key and p.collection_year = b.collection_year - 1
where not exists (select 1 from in_care a where a.la_key = b.la_key and a.collection_year = b.collection_year - 1 and a.child_key = b.child_key)
group by b.la_key, b.collection_year, b.age, b.placement_group;
