-- The latest submission for each LA x return x period, whatever its state: what `rw status` shows.
CREATE OR ALTER VIEW etl.submission_status AS
SELECT la_code, return_type, period, submission_id, state, is_current, rows_loaded, error_count, warning_count,
       received_at, updated_at, message
FROM (
    SELECT s.*, ROW_NUMBER() OVER (PARTITION BY s.la_code, s.return_type, s.period ORDER BY s.submission_id DESC) AS recency
    FROM etl.submission s
) latest
WHERE recency = 1;
