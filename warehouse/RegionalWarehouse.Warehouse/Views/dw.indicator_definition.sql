-- What each indicator means, whichever way it was loaded.
create view dw.indicator_definition as
select indicator_code, name, unit, polarity, description, source
from ref.indicator
union all
select indicator, name, coalesce(y_axis_name, ''),
       case polarity when 'High' then 'HigherIsBetter' when 'Low' then 'LowerIsBetter' else 'Neutral' end,
       coalesce(description, ''), concat('DfE LAIT: ', coalesce(source, 'Department for Education'))
from dw.lait_indicator_current;
