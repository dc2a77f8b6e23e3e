create view dw.cla_adoption_year as
select * from dw.cla_adoption_year_for(null);
