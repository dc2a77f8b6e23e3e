CREATE OR ALTER VIEW dw.cla_stock_flow AS
SELECT * FROM dw.cla_stock_flow_for(NULL, NULL);
