-- Exactly one submission may be current per LA, return and period, and the database enforces it: two
-- loads for the same identity that race each other cannot both commit (the second fails its primary key,
-- rolls back with its facts, and is retried, when it replaces the first properly).
create table etl.current_submission (
    la_code       varchar(9)   not null,
    return_type   varchar(20)  not null,
    period        varchar(10)  not null,
    submission_id bigint       not null,
    primary key (la_code, return_type, period)
);

insert into etl.current_submission (la_code, return_type, period, submission_id)
select la_code, return_type, period, max(submission_id)
from etl.submission
where is_current = true
group by la_code, return_type, period;
