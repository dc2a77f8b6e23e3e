-- The 903's social worker episodes (from 2023/24). SW_ID, the LA's own staff identifier, is held only as a
-- keyed pseudonym (social_worker_key): enough to see whether a child kept the same social worker.
create table dw.fact_cla_social_worker_episode (
    submission_id     bigint      not null,
    la_key            integer     not null,
    collection_year   smallint    not null,
    child_key         bigint      not null,
    social_worker_key bigint,
    sw_episode_start  date        not null,
    sw_episode_end    date,
    sw_reason         varchar(8)
);

-- Each child's latest social worker episode in a year's return, where it was still open at 31 March: next
-- year's return carries it on with the same social worker, start and reason (the DfE's SW16a-c).
create view dw.cla_open_social_worker_episode_as_recorded as
select l.dfe_code, w.collection_year, w.child_key, w.social_worker_key, w.sw_episode_start, w.sw_reason
from dw.fact_cla_social_worker_episode w
join ref.local_authority l on l.la_key = w.la_key
where w.sw_episode_end is null
  and not exists (select 1 from dw.fact_cla_social_worker_episode later
                  where later.la_key = w.la_key and later.collection_year = w.collection_year and later.child_key = w.child_key
                    and later.sw_episode_start > w.sw_episode_start);
