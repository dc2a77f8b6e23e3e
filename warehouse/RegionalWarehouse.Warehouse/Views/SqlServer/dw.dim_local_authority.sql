-- The LA dimension is the reference table seen through the star schema's naming.
CREATE OR ALTER VIEW dw.dim_local_authority AS
SELECT la.la_key, la.dfe_code, la.ons_code, la.la_name, la.la_type,
       la.region_code, r.region_name, la.is_platform_member
FROM ref.local_authority la
JOIN ref.region r ON r.region_code = la.region_code;
