-- Each current episode numbered into periods of care (a new one at RNE S) and placements with the same
-- carers (a new one at RNE S, P or B, the codes of the DfE's 903 guide that change the carers; L changes the
-- legal status only, T and U the placement with the same carers). A history that begins mid-period starts at 0.
create view dw.cla_episode_sequence as
select e.*,
       sum(case when e.rne = 'S' then 1 else 0 end)
           over (partition by e.la_key, e.child_key order by e.episode_start rows between unbounded preceding and current row) as period_seq,
       sum(case when e.rne in ('S', 'P', 'B') then 1 else 0 end)
           over (partition by e.la_key, e.child_key order by e.episode_start rows between unbounded preceding and current row) as placement_seq
from dw.cla_episode e;
