-- Each LA's neighbours with their codes and names, as `rw benchmark` and the dashboard list them.
create view mart.la_benchmark_neighbour as
select la.dfe_code, n.collection_year, n.metric_id, n.neighbour_rank, nb.dfe_code as neighbour_dfe_code, nb.la_name as neighbour_name,
       nb.is_platform_member as neighbour_is_member, n.closeness, n.value, n.value_source
from mart.benchmark_neighbour n
join ref.local_authority la on la.la_key = n.la_key
join ref.local_authority nb on nb.la_key = n.neighbour_la_key;
