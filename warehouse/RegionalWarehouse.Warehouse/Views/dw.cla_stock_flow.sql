create view dw.cla_stock_flow as
select * from dw.cla_stock_flow_for(null, null);
