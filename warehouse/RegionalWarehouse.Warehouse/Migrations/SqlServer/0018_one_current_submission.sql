-- Exactly one submission may be current per LA, return and period, and the database enforces it: two
-- loads for the same identity that race each other cannot both commit (the second fails its primary key,
-- rolls back with its facts, and is retried, when it replaces the first properly).
create table etl.current_submission (
    la_code       NVARCHAR(9)  NOT NULL,
    return_type   NVARCHAR(20) NOT NULL,
    period        NVARCHAR(10) NOT NULL,
    submission_id bigint       not null,
    primary key (la_code, return_type, period)
);
GO

insert into etl.current_submission (la_code, return_type, period, submission_id)
select la_code, return_type, period, max(submission_id)
from etl.submission
where is_current = 1
group by la_code, return_type, period;
GO
