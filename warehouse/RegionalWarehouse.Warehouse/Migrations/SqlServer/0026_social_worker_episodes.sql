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
