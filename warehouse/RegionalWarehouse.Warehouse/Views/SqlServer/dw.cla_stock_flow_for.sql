-- The stock-flow reconciliation runs inside every 903 load's transaction, for one LA's one year, but the view
-- aggregated every year the LA holds, twice (this year's and last year's children), so a national load's later
-- returns each paid for the whole history: about a sixth of the load's time. The view becomes a function of the
-- LA and the year (null: all), which reads only that year and the one before; the view is the function for
-- every LA and year, so there is one definition.
CREATE OR ALTER FUNCTION dw.cla_stock_flow_for(@only_la INT, @only_year INT) RETURNS TABLE AS RETURN
with return_child as (
    select * from dw.cla_return_child
    where (@only_la is null or la_key = @only_la) and (@only_year is null or collection_year between @only_year - 1 and @only_year)
),
held_year as (
    select * from dw.cla_year
    where (@only_la is null or la_key = @only_la) and (@only_year is null or collection_year between @only_year - 1 and @only_year)
),
keyed as (
    select la_key, collection_year, child_key from return_child
    union
    select la_key, collection_year + 1, child_key from return_child where in_care_at_end = 1
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
    join held_year y on y.la_key = k.la_key and y.collection_year = k.collection_year
    left join held_year py on py.la_key = k.la_key and py.collection_year = k.collection_year - 1
    left join return_child t on t.la_key = k.la_key and t.collection_year = k.collection_year and t.child_key = k.child_key
    left join return_child l on l.la_key = k.la_key and l.collection_year = k.collection_year - 1 and l.child_key = k.child_key
    where @only_year is null or k.collection_year = @only_year
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
