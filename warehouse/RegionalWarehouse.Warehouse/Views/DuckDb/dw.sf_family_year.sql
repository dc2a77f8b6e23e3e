-- Each family once per financial year, as its latest quarterly return describes it, with the flags the
-- Supporting Families benchmarks count.
create or replace view dw.sf_family_year as
with latest as (
    select f.*, row_number() over (partition by f.la_key, f.collection_year, f.family_key order by f.quarter desc) as recency
    from dw.fact_sf_family f
),
needs as (
    select n.submission_id, n.family_key,
           max(case when n.headline_code = 'EDUCATION' then 1 else 0 end) as need_education,
           max(case when n.headline_code = 'EARLY_YEARS' then 1 else 0 end) as need_early_years,
           max(case when n.headline_code = 'HEALTH' then 1 else 0 end) as need_health,
           max(case when n.headline_code = 'SUBSTANCE_USE' then 1 else 0 end) as need_substance_use,
           max(case when n.headline_code = 'FAMILY_RELATIONSHIPS' then 1 else 0 end) as need_family_relationships,
           max(case when n.headline_code = 'SAFE_FROM_ABUSE' then 1 else 0 end) as need_safe_from_abuse,
           max(case when n.headline_code = 'CRIME' then 1 else 0 end) as need_crime,
           max(case when n.headline_code = 'DOMESTIC_ABUSE' then 1 else 0 end) as need_domestic_abuse,
           max(case when n.headline_code = 'HOUSING' then 1 else 0 end) as need_housing,
           max(case when n.headline_code = 'WORK_FINANCE' then 1 else 0 end) as need_work_finance,
           max(case when n.headline_code = 'EDUCATION' and n.outcome_achieved then 1 else 0 end) as outcome_education,
           max(case when n.headline_code = 'EARLY_YEARS' and n.outcome_achieved then 1 else 0 end) as outcome_early_years,
           max(case when n.headline_code = 'HEALTH' and n.outcome_achieved then 1 else 0 end) as outcome_health,
           max(case when n.headline_code = 'SUBSTANCE_USE' and n.outcome_achieved then 1 else 0 end) as outcome_substance_use,
           max(case when n.headline_code = 'FAMILY_RELATIONSHIPS' and n.outcome_achieved then 1 else 0 end) as outcome_family_relationships,
           max(case when n.headline_code = 'SAFE_FROM_ABUSE' and n.outcome_achieved then 1 else 0 end) as outcome_safe_from_abuse,
           max(case when n.headline_code = 'CRIME' and n.outcome_achieved then 1 else 0 end) as outcome_crime,
           max(case when n.headline_code = 'DOMESTIC_ABUSE' and n.outcome_achieved then 1 else 0 end) as outcome_domestic_abuse,
           max(case when n.headline_code = 'HOUSING' and n.outcome_achieved then 1 else 0 end) as outcome_housing,
           max(case when n.headline_code = 'WORK_FINANCE' and n.outcome_achieved then 1 else 0 end) as outcome_work_finance
    from dw.fact_sf_need n
    group by n.submission_id, n.family_key
)
select l.la_key, l.collection_year, l.family_key, l.submission_id, l.quarter, l.attached_date, l.lead_service, l.need_count,
       l.claim_type, l.claim_date, l.closed_date,
       case when l.attached_date >= make_date(l.collection_year - 1, 4, 1) then 1 else 0 end as attached_in_year,
       case when l.claim_date >= make_date(l.collection_year - 1, 4, 1) then 1 else 0 end as claimed_in_year,
       case when l.claim_date >= make_date(l.collection_year - 1, 4, 1) then date_diff('day', l.attached_date, l.claim_date) end as days_to_claim,
       n.need_education, n.need_early_years, n.need_health, n.need_substance_use, n.need_family_relationships,
       n.need_safe_from_abuse, n.need_crime, n.need_domestic_abuse, n.need_housing, n.need_work_finance,
       n.outcome_education, n.outcome_early_years, n.outcome_health, n.outcome_substance_use, n.outcome_family_relationships,
       n.outcome_safe_from_abuse, n.outcome_crime, n.outcome_domestic_abuse, n.outcome_housing, n.outcome_work_finance
from latest l
join needs n on n.submission_id = l.submission_id and n.family_key = l.family_key
where l.recency = 1;
