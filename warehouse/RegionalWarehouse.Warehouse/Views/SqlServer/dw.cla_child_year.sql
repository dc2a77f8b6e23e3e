CREATE OR ALTER VIEW dw.cla_child_year AS
SELECT * FROM dw.cla_child_year_for(NULL);
