-- The refresh after a load recomputes one LA's measures by filtering the 903 views on la_key. Three views
-- kept that filter from reaching the facts, so one LA cost nearly a full national refresh (38 s of 45):

-- 1. The latest attributes of each child were ranked over every LA's children (partition by child_key).
--    A child key is an HMAC of the LA and the child, so partitioning by LA as well changes nothing but lets
--    a filter on the LA through.
create view dw.dim_child as
select la_key, child_key, sex, ethnic_code, birth_month, is_mother
from (
    select c.la_key, c.child_key, c.sex, c.ethnic_code, c.birth_month, c.is_mother,
           row_number() over (partition by c.la_key, c.child_key order by c.collection_year desc, c.submission_id desc) as version_rank
    from dw.fact_cla_child c
) latest
where version_rank = 1;
