-- Child-level rows reach an analyst only as the LA's agreements allow: a grant in Access:LaAnalysts
-- (ref.user_la_access) covers an LA's rows of a return type only while that LA has an agreement in force for
-- it that covers child-level data. The model's row-level security reads this view, as at its last refresh.
DROP VIEW bi.user_la_access;
GO

CREATE VIEW bi.user_la_access AS
SELECT DISTINCT u.user_principal_name, u.la_key, a.return_type
FROM ref.user_la_access u
JOIN ref.local_authority l ON l.la_key = u.la_key
JOIN ref.data_sharing_agreement a ON a.la_dfe_code = l.dfe_code
WHERE a.child_level = 1
  AND a.starts_on <= CAST(SYSDATETIME() AS DATE)
  AND (a.ends_on IS NULL OR CAST(SYSDATETIME() AS DATE) <= a.ends_on);
GO
