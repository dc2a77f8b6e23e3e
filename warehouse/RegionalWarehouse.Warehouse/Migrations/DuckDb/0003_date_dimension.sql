-- One row per day, 1990-2040: wide enough for care leavers' birth months and future returns.
-- collection_year is the 903 year: it runs 1 April to 31 March and is named by the year it ends.
create table dw.dim_date (
    date_key          integer     not null primary key,
    calendar_date     date        not null unique,
    calendar_year     integer     not null,
    calendar_month    integer     not null,
    month_name        varchar(10) not null,
    calendar_quarter  integer     not null,
    financial_year    varchar(7)  not null,
    financial_quarter integer     not null,
    collection_year   integer     not null,
    is_31_march       boolean     not null
);

insert into dw.dim_date
select
    cast(strftime(d, '%Y%m%d') as integer),
    d,
    year(d),
    month(d),
    strftime(d, '%B'),
    quarter(d),
    case when month(d) >= 4 then cast(year(d) as varchar) || '-' || right(cast(year(d) + 1 as varchar), 2)
         else cast(year(d) - 1 as varchar) || '-' || right(cast(year(d) as varchar), 2) end,
    case when month(d) >= 4 then (month(d) - 4) // 3 + 1 else 4 end,
    case when month(d) >= 4 then year(d) + 1 else year(d) end,
    month(d) = 3 and day(d) = 31
from (select cast(range as date) as d from range(date '1990-01-01', date '2041-01-01', interval 1 day));
