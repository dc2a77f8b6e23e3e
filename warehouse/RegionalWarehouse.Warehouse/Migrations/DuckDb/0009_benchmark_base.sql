-- Population (loaded by the contextual returns) and the derived 903 views the metric catalogue counts over.

create table dw.fact_population (
    submission_id bigint      not null,
    la_key        integer     not null,
    mid_year      smallint    not null,
    sex           smallint    not null,
    age           smallint    not null,
    population    integer     not null
);

-- Children aged 0-17 per LA and mid-year estimate: the denominator of every "per 10,000 children" rate.
create view dw.population_0_17 as
select la_key, mid_year, sum(population) as children
from dw.fact_population
where age <= 17
group by la_key, mid_year;

-- The collection years each LA has a 903 for, with their first and last days.
create view dw.cla_year as
select distinct la_key, collection_year,
       make_date(collection_year - 1, 4, 1) as year_start,
       make_date(collection_year, 3, 31) as year_end
from dw.fact_cla_child;

-- Each current episode numbered into periods of care (a new one at RNE S) and placements (a new one at
-- RNE S, P, T or B; L and U keep the same carers). A history that begins mid-period starts at 0.
create view dw.cla_episode_sequence as
select e.*,
       sum(case when e.rne = 'S' then 1 else 0 end)
           over (partition by e.la_key, e.child_key order by e.episode_start rows between unbounded preceding and current row) as period_seq,
       sum(case when e.rne in ('S', 'P', 'T', 'B') then 1 else 0 end)
           over (partition by e.la_key, e.child_key order by e.episode_start rows between unbounded preceding and current row) as placement_seq
from dw.cla_episode e;

-- One row per placement: when it and its period of care began, and when the placement before it began.
create view dw.cla_placement as
select la_key, child_key, period_seq, placement_seq, period_start, placement_start, placement_type,
       lag(placement_start) over (partition by la_key, child_key, period_seq order by placement_seq) as previous_placement_start
from (
    select la_key, child_key, period_seq, placement_seq,
           min(min(episode_start)) over (partition by la_key, child_key, period_seq) as period_start,
           min(episode_start) as placement_start,
           min(placement_type) as placement_type
    from dw.cla_episode_sequence
    group by la_key, child_key, period_seq, placement_seq
) placements;

-- One row per child looked after at any time in a collection year, with everything the CLA benchmarks
-- count: status at 31 March, starts, ceases, placement moves, stability, missing and UASC.
create view dw.cla_child_year as
with in_year as (
    select y.collection_year, y.year_start, y.year_end, s.la_key, s.child_key, s.episode_start, s.episode_end, s.rne,
           s.legal_status, s.placement_type, s.reason_ceased, s.placement_seq, p.period_start, p.placement_start, p.previous_placement_start,
           case when s.episode_end between y.year_start and y.year_end and s.reason_ceased <> 'X1' then 1 else 0 end as is_cease
    from dw.cla_year y
    join dw.cla_episode_sequence s on s.la_key = y.la_key
        and s.episode_start <= y.year_end and (s.episode_end is null or s.episode_end >= y.year_start)
    join dw.cla_placement p on p.la_key = s.la_key and p.child_key = s.child_key and p.placement_seq = s.placement_seq and p.period_seq = s.period_seq
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
           max(case when last_rank = 1 and episode_end is null then 1 else 0 end) as in_care_31_march,
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

-- Children adopted in the year with their adoption timeliness in days.
create view dw.cla_adoption_year as
select a.la_key, a.collection_year, a.child_key,
       date_diff('day', p.period_start, pa.date_placed) as days_care_to_placed,
       date_diff('day', a.date_should_be_adopted, a.date_matched) as days_decision_to_match
from dw.fact_cla_adoption a
left join dw.fact_cla_placed_for_adoption pa on pa.la_key = a.la_key and pa.collection_year = a.collection_year and pa.child_key = a.child_key
left join dw.cla_child_year p on p.la_key = a.la_key and p.collection_year = a.collection_year and p.child_key = a.child_key;

-- Care leavers' OC3 records with the groups the benchmarks use.
create view dw.cla_care_leaver_year as
select o.la_key, o.collection_year, o.child_key, o.age_at_year_end,
       case when act.reporting_group = 'EET' then 1 else 0 end as in_eet,
       case when acc.reporting_group = 'Suitable' then 1 else 0 end as suitably_accommodated,
       case when o.in_touch = 'YES' then 1 else 0 end as in_touch
from dw.fact_cla_oc3 o
left join (select code, max(reporting_group) as reporting_group from ref.code_list where return_type = 'SSDA903' and field_name = 'ACTIV' group by code) act on act.code = o.activity
left join (select code, max(reporting_group) as reporting_group from ref.code_list where return_type = 'SSDA903' and field_name = 'ACCOM' group by code) acc on acc.code = o.accommodation;

-- Benchmarks: one row per LA x collection year x metric, refreshed from the metric catalogue after loads.
create table mart.metric (
    metric_id     varchar(60)   not null primary key,
    name          varchar(200)  not null,
    description   varchar(1000) not null,
    theme         varchar(60)   not null,
    unit          varchar(20)   not null,
    polarity      varchar(20)   not null,
    numerator     varchar(300)  not null,
    denominator   varchar(300),
    source_facts  varchar(300)  not null,
    minimum_count integer       not null,
    display_order integer       not null
);

create table mart.benchmark (
    la_key            integer     not null,
    collection_year   smallint    not null,
    metric_id         varchar(60) not null,
    numerator         double,
    denominator       double,
    value             double,
    suppressed        boolean     not null,
    unavailable       boolean     not null,
    region_value      double,
    neighbour_average double,
    england_value     double,
    rank_in_region    smallint,
    la_count_ranked   smallint,
    quartile          smallint,
    refreshed_at      timestamp   not null,
    primary key (la_key, collection_year, metric_id)
);

create table mart.region_benchmark (
    region_code     varchar(9)  not null,
    collection_year smallint    not null,
    metric_id       varchar(60) not null,
    numerator       double,
    denominator     double,
    value           double,
    suppressed      boolean     not null,
    la_count        smallint    not null,
    primary key (region_code, collection_year, metric_id)
);
