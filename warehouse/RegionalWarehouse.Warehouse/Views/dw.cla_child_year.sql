create view dw.cla_child_year as
select * from dw.cla_child_year_for(null);
