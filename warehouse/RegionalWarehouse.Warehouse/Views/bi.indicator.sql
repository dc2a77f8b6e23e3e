-- What the report's correlation page pairs with a metric: for each collection year the marts hold, every LA's
-- latest value of each contextual indicator at or before that year (the rule `rw correlate` and the dashboard use).
-- The integer key is the indicator's place in code order, the same in both views at any one refresh.
create view bi.indicator as
select dense_rank() over (order by indicator_code) as indicator_key, indicator_code, name, unit, polarity, description, source
from dw.indicator_definition;
