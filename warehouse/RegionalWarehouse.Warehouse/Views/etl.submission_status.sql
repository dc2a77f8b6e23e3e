-- The latest submission for each LA x return x period, whatever its state: what `rw status` shows.
create view etl.submission_status as
select la_code, return_type, period, submission_id, state, is_current, rows_loaded, error_count, warning_count,
       received_at, updated_at, message
from (
    select s.*, row_number() over (partition by s.la_code, s.return_type, s.period order by s.submission_id desc) as recency
    from etl.submission s
) latest
where recency = 1;
