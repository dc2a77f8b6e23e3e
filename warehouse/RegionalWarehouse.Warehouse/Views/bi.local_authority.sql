create view bi.local_authority as
select la.la_key, la.dfe_code, la.ons_code, la.la_name, la.la_type, la.region_code, la.region_name, la.is_platform_member,
       cast(h.hex_q + 0.5 * (h.hex_r % 2) as double precision) * 1.7320508075688772 as hex_x,
       cast(h.hex_r as double precision) * 1.5 as hex_y,
       case when s.la_code is null then 0 else 1 end as figures_are_synthetic
from dw.dim_local_authority la
left join ref.la_hex h on h.ons_code = la.ons_code
left join etl.synthetic_data s on s.la_code = la.dfe_code;
