-- The 903's social worker episodes (from 2023/24). SW_ID, the LA's own staff identifier, is held only as a
-- keyed pseudonym (social_worker_key): enough to see whether a child kept the same social worker.
CREATE TABLE dw.fact_cla_social_worker_episode (
    submission_id     BIGINT       NOT NULL,
    la_key            INT          NOT NULL,
    collection_year   SMALLINT     NOT NULL,
    child_key         BIGINT       NOT NULL,
    social_worker_key BIGINT       NULL,
    sw_episode_start  DATE         NOT NULL,
    sw_episode_end    DATE         NULL,
    sw_reason         NVARCHAR(8)  NULL
);
GO

CREATE INDEX ix_fact_cla_social_worker_episode_submission ON dw.fact_cla_social_worker_episode (submission_id);
GO

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
GO
