create view bi.sf_family as
select la_key, collection_year, family_key,
       year(attached_date) * 10000 + month(attached_date) * 100 + day(attached_date) as attached_date_key,
       lead_service, need_count, claim_type, attached_in_year, claimed_in_year, days_to_claim
from dw.sf_family_year;
