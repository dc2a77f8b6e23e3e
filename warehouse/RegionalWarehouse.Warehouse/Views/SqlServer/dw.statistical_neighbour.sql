-- The neighbours in force: the latest model version loaded, current authorities only.
CREATE OR ALTER VIEW dw.statistical_neighbour as
select n.model_version, n.la_number, n.la_name, n.neighbour_rank, n.neighbour_number, n.closeness
from dw.fact_statistical_neighbour n
where n.is_former = 0
  and n.model_version = (select max(m.model_version) from dw.fact_statistical_neighbour m);
