-- Each current episode numbered into periods of care (a new one at RNE S) and placements (a new one at
-- RNE S, P, T or B; L and U keep the same carers). A history that begins mid-period starts at 0.
create view dw.cla_episode_sequence as
select e.*,
       sum(case when e.rne = 'S' then 1 else 0 end)
           over (partition by e.la_key, e.child_key order by e.episode_start rows between unbounded preceding and current row) as period_seq,
       sum(case when e.rne in ('S', 'P', 'T', 'B') then 1 else 0 end)
           over (partition by e.la_key, e.child_key order by e.episode_start rows between unbounded preceding and current row) as placement_seq
from dw.cla_episode e;
