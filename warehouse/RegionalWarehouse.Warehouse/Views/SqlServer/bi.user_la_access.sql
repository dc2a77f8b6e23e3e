CREATE OR ALTER VIEW bi.user_la_access AS
SELECT DISTINCT u.user_principal_name, u.la_key, a.return_type
FROM ref.user_la_access u
JOIN ref.local_authority l ON l.la_key = u.la_key
JOIN ref.data_sharing_agreement a ON a.la_dfe_code = l.dfe_code
WHERE a.child_level = 1
  AND a.starts_on <= CAST(SYSDATETIME() AS DATE)
  AND (a.ends_on IS NULL OR CAST(SYSDATETIME() AS DATE) <= a.ends_on);
