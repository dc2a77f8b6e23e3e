-- The latest submission for each LA x return x period, whatever its state, and which submission is current (the
-- one the warehouse's figures come from; a rejected resubmission leaves the earlier one current): what `rw status` shows.
create view etl.submission_status as
select la_code, return_type, period, submission_id, state, is_current, rows_loaded, error_count, warning_count,
       received_at, updated_at, message, current_submission_id
from (
    select s.*, row_number() over (partition by s.la_code, s.return_type, s.period order by s.submission_id desc) as recency,
           max(case when cast(s.is_current as int) = 1 then s.submission_id end) over (partition by s.la_code, s.return_type, s.period) as current_submission_id
    from etl.submission s
) latest
where recency = 1;
