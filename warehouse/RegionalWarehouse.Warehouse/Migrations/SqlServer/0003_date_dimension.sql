-- One row per day, 1990-2040. collection_year is the 903 year (1 April to 31 March, named by its end).
CREATE TABLE dw.dim_date (
    date_key          INT          NOT NULL CONSTRAINT pk_dim_date PRIMARY KEY,
    calendar_date     DATE         NOT NULL CONSTRAINT uq_dim_date_date UNIQUE,
    calendar_year     INT          NOT NULL,
    calendar_month    INT          NOT NULL,
    month_name        NVARCHAR(10) NOT NULL,
    calendar_quarter  INT          NOT NULL,
    financial_year    NVARCHAR(7)  NOT NULL,
    financial_quarter INT          NOT NULL,
    collection_year   INT          NOT NULL,
    is_31_march       BIT          NOT NULL
);
GO

WITH digits AS (SELECT n FROM (VALUES (0),(1),(2),(3),(4),(5),(6),(7),(8),(9)) AS v(n)),
days AS (
    SELECT DATEADD(DAY, a.n + 10 * b.n + 100 * c.n + 1000 * d.n + 10000 * e.n, CAST('1990-01-01' AS DATE)) AS d
    FROM digits a CROSS JOIN digits b CROSS JOIN digits c CROSS JOIN digits d CROSS JOIN digits e
)
INSERT INTO dw.dim_date
SELECT
    YEAR(d) * 10000 + MONTH(d) * 100 + DAY(d),
    d,
    YEAR(d),
    MONTH(d),
    DATENAME(MONTH, d),
    DATEPART(QUARTER, d),
    CASE WHEN MONTH(d) >= 4 THEN CONCAT(YEAR(d), '-', RIGHT(CAST(YEAR(d) + 1 AS VARCHAR(4)), 2))
         ELSE CONCAT(YEAR(d) - 1, '-', RIGHT(CAST(YEAR(d) AS VARCHAR(4)), 2)) END,
    CASE WHEN MONTH(d) >= 4 THEN (MONTH(d) - 4) / 3 + 1 ELSE 4 END,
    CASE WHEN MONTH(d) >= 4 THEN YEAR(d) + 1 ELSE YEAR(d) END,
    CASE WHEN MONTH(d) = 3 AND DAY(d) = 31 THEN 1 ELSE 0 END
FROM days
WHERE d < '2041-01-01';
