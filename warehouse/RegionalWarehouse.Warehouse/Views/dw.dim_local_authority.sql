-- The LA dimension is the reference table seen through the star schema's naming.
create view dw.dim_local_authority as
select la.la_key, la.dfe_code, la.ons_code, la.la_name, la.la_type,
       la.region_code, r.region_name, la.is_platform_member
from ref.local_authority la
join ref.region r on r.region_code = la.region_code;
