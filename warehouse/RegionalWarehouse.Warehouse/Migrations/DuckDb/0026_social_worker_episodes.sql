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
