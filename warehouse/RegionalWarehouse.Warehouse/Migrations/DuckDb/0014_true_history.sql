-- Status at 31 March by dates, not by whether an episode is still open in the latest return.
-- A later return fills in the end date of an episode that was open at an earlier 31 March; "episode_end is
-- null" on the latest version therefore said "not in care" for every year but the latest. A child is looked
-- after at 31 March when the last episode of the year began by then and had not ended by then.
-- As in the DfE's published statistics, episodes under an agreed series of short-term breaks (legal status
-- V3 or V4) are left out of every child-level count.
create or replace view dw.cla_child_year as
with in_year as (
    select y.collection_year, y.year_start, y.year_end, s.la_key, s.child_key, s.episode_start, s.episode_end, s.rne,
           s.legal_status, s.placement_type, s.reason_ceased, s.placement_seq, p.period_start, p.placement_start, p.previous_placement_start,
           case when s.episode_end between y.year_start and y.year_end and s.reason_ceased <> 'X1' then 1 else 0 end as is_cease
    from dw.cla_year y
    join dw.cla_episode_sequence s on s.la_key = y.la_key
        and s.episode_start <= y.year_end and (s.episode_end is null or s.episode_end >= y.year_start)
    join dw.cla_placement p on p.la_key = s.la_key and p.child_key = s.child_key and p.placement_seq = s.placement_seq and p.period_seq = s.period_seq
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
    from dw.cla_missing m
    join dw.cla_year y on y.la_key = m.la_key and m.missing_start between y.year_start and y.year_end
    where m.missing_type = 'M'
    group by m.la_key, y.collection_year, m.child_key
)
select c.la_key, c.collection_year, c.child_key,
       c.collection_year - year(d.birth_month) - case when month(d.birth_month) > 3 then 1 else 0 end as age_31_march,
       c.in_care_31_march, c.started_in_year, c.ceased_in_year, c.reason_ceased, rc.reporting_group as ceased_group,
       c.placements_in_year, c.placement_type, pt.reporting_group as placement_group, c.legal_status, ls.reporting_group as legal_status_group,
       c.period_start, c.placement_start,
       case when c.in_care_31_march = 1
                 and c.period_start <= c.year_end - interval 30 month
                 and (c.placement_start <= c.year_end - interval 24 month
                      or (pt.reporting_group = 'Placed for adoption' and c.previous_placement_start <= c.year_end - interval 24 month))
            then 1 else 0 end as stable_two_years,
       case when c.in_care_31_march = 1 and c.period_start <= c.year_end - interval 30 month then 1 else 0 end as in_care_two_and_a_half_years,
       coalesce(m.incidents, 0) as missing_incidents,
       case when u.child_key is not null and c.in_care_31_march = 1 then 1 else 0 end as uasc_31_march
from per_child c
left join dw.dim_child d on d.child_key = c.child_key
left join dw.dim_placement_type pt on pt.placement_type = c.placement_type
left join dw.dim_legal_status ls on ls.legal_status = c.legal_status
left join dw.dim_reason_ceased rc on rc.reason_ceased = c.reason_ceased
left join missing m on m.la_key = c.la_key and m.collection_year = c.collection_year and m.child_key = c.child_key
left join dw.fact_cla_uasc u on u.la_key = c.la_key and u.collection_year = c.collection_year and u.child_key = c.child_key
    and (u.date_uasc_ceased is null or u.date_uasc_ceased > c.year_end);

-- Each 903 return read on its own, as the DfE reads a year's return: one row per child with an episode in
-- it, whether the child was looked after on the day before the year began and on its last day, and how many
-- periods of care started (RNE S) and ended (any reason but X1) in the year. The stock-flow check uses it.
create view dw.cla_return_child as
select e.la_key, e.collection_year, e.child_key,
       max(case when e.episode_start < y.year_start and (e.episode_end is null or e.episode_end >= y.year_start) then 1 else 0 end) as in_care_at_start,
       max(case when e.episode_start <= y.year_end and (e.episode_end is null or e.episode_end > y.year_end) then 1 else 0 end) as in_care_at_end,
       sum(case when e.rne = 'S' and e.episode_start between y.year_start and y.year_end then 1 else 0 end) as start_events,
       sum(case when e.episode_end between y.year_start and y.year_end and e.reason_ceased <> 'X1' then 1 else 0 end) as cease_events
from dw.fact_cla_episode e
join dw.cla_year y on y.la_key = e.la_key and y.collection_year = e.collection_year
where coalesce(e.legal_status, '') not in ('V3', 'V4')
group by e.la_key, e.collection_year, e.child_key;

-- The stock-flow reconciliation analysts run on each year's return: children looked after at 31 March last
-- year + started - ceased = this year, each child counted once, as the DfE counts them. Differences are
-- split into their explanations: children who left and came back (or came back and left) within the year,
-- which once-per-child counting cannot show; children in care at the end with no recorded start or
-- open episode on 1 April, or gone without a recorded cease (data problems); and children whose status on
-- last 31 March differs between last year's return and this one (late changes to last year's records).
create view dw.cla_stock_flow as
with keyed as (
    select la_key, collection_year, child_key from dw.cla_return_child
    union
    select la_key, collection_year + 1, child_key from dw.cla_return_child where in_care_at_end = 1
),
per_child as (
    select k.la_key, k.collection_year, k.child_key,
           coalesce(l.in_care_at_end, 0) as in_last_years_count,
           coalesce(t.in_care_at_start, 0) as a,
           coalesce(t.in_care_at_end, 0) as b,
           case when t.start_events > 0 then 1 else 0 end as s,
           case when t.cease_events > 0 then 1 else 0 end as c,
           case when py.la_key is null then 0 else 1 end as has_previous_return
    from keyed k
    join dw.cla_year y on y.la_key = k.la_key and y.collection_year = k.collection_year
    left join dw.cla_year py on py.la_key = k.la_key and py.collection_year = k.collection_year - 1
    left join dw.cla_return_child t on t.la_key = k.la_key and t.collection_year = k.collection_year and t.child_key = k.child_key
    left join dw.cla_return_child l on l.la_key = k.la_key and l.collection_year = k.collection_year - 1 and l.child_key = k.child_key
)
select p.la_key, p.collection_year,
       max(p.has_previous_return) as has_previous_return,
       sum(p.in_last_years_count) as opening_last_return,
       sum(p.a) as opening_this_return,
       sum(p.s) as started,
       sum(p.c) as ceased,
       sum(p.b) as closing,
       sum(case when p.s = 1 and p.c = 1 and p.b - (p.a + p.s - p.c) = 1 then 1 else 0 end) as returned_after_ceasing,
       sum(case when p.s = 1 and p.c = 1 and p.b - (p.a + p.s - p.c) = -1 then 1 else 0 end) as ceased_after_returning,
       sum(case when not (p.s = 1 and p.c = 1) and p.b - (p.a + p.s - p.c) = 1 then 1 else 0 end) as in_care_without_start,
       sum(case when not (p.s = 1 and p.c = 1) and p.b - (p.a + p.s - p.c) = -1 then 1 else 0 end) as left_without_cease,
       sum(case when p.in_last_years_count = 1 and p.a = 0 then 1 else 0 end) as no_longer_in_opening,
       sum(case when p.in_last_years_count = 0 and p.a = 1 then 1 else 0 end) as newly_in_opening
from per_child p
group by p.la_key, p.collection_year;
