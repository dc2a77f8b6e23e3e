-- What the Power BI semantic model imports (semantic-model/): one view per model table in schema bi,
-- with integer keys for every relationship. Child- and family-level views carry pseudonymous keys only.
CREATE SCHEMA bi;
GO

-- Who may see which LA's child-level rows in the model (row-level security); filled from configuration.
create table ref.user_la_access (
    user_principal_name NVARCHAR(200) not null,
    la_key              INT          not null,
    primary key (user_principal_name, la_key)
);
GO

create view bi.local_authority as
select la_key, dfe_code, ons_code, la_name, la_type, region_code, region_name
from dw.dim_local_authority;
GO

create view bi.calendar as
select date_key, calendar_date, calendar_year, calendar_month, month_name, financial_year, collection_year
from dw.dim_date;
GO

create view bi.collection_year as
select collection_year, min(financial_year) as year_label, min(calendar_date) as year_start, max(calendar_date) as year_end
from dw.dim_date
group by collection_year;
GO

create view bi.metric as
select display_order as metric_key, metric_id, name, description, theme, unit, polarity
from mart.metric;
GO

create view bi.benchmark as
select b.la_key, b.collection_year, m.display_order as metric_key, b.numerator, b.denominator, b.value, b.suppressed,
       b.region_value, b.neighbour_average, b.england_value, b.rank_in_region, b.la_count_ranked, b.quartile
from mart.benchmark b
join mart.metric m on m.metric_id = b.metric_id;
GO

create view bi.region_benchmark as
select r.region_code, r.collection_year, m.display_order as metric_key, r.numerator, r.denominator, r.value, r.suppressed, r.la_count
from mart.region_benchmark r
join mart.metric m on m.metric_id = r.metric_id;
GO

create view bi.cla_episode as
select la_key, collection_year, child_key,
       year(episode_start) * 10000 + month(episode_start) * 100 + day(episode_start) as start_date_key,
       legal_status, category_of_need, placement_type, reason_ceased, age_at_start
from dw.cla_episode;
GO

create view bi.sf_family as
select la_key, collection_year, family_key,
       year(attached_date) * 10000 + month(attached_date) * 100 + day(attached_date) as attached_date_key,
       lead_service, need_count, claim_type, attached_in_year, claimed_in_year, days_to_claim
from dw.sf_family_year;
GO

create view bi.user_la_access as
select user_principal_name, la_key
from ref.user_la_access;
GO
