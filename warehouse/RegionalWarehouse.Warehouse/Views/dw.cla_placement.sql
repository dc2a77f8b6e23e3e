-- One row per placement: when it and its period of care began, when it ended (null while open), and when the
-- placement before it began.
create view dw.cla_placement as
select la_key, child_key, period_seq, placement_seq, period_start, placement_start, placement_end, placement_type,
       lag(placement_start) over (partition by la_key, child_key, period_seq order by placement_seq) as previous_placement_start
from (
    select la_key, child_key, period_seq, placement_seq,
           min(min(episode_start)) over (partition by la_key, child_key, period_seq) as period_start,
           min(episode_start) as placement_start,
           case when count(episode_end) = count(*) then max(episode_end) end as placement_end,
           min(placement_type) as placement_type
    from dw.cla_episode_sequence
    group by la_key, child_key, period_seq, placement_seq
) placements;
