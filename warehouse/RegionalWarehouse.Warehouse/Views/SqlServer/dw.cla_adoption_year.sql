CREATE OR ALTER VIEW dw.cla_adoption_year AS
SELECT * FROM dw.cla_adoption_year_for(NULL);
