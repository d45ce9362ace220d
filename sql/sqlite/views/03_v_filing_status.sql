-- v_filing_status: one row per agency and year it is expected to report (rule 6): a year it
-- reported, and the year after one it reported (up to the latest year loaded). status is
-- on_time (by 31 January), late, undated (no closing date) or missing.
drop view if exists v_filing_status;
create view v_filing_status as
with expected as (
    select agency_code, year from fact_report where is_current = 1
    union
    select agency_code, year + 1 from fact_report
    where is_current = 1 and year + 1 <= (select max(year) from fact_report where is_current = 1)
)
select
    e.agency_code,
    e.year,
    a.name as agency,
    coalesce(r.region_code, a.region_code) as region_code,
    r.report_key,
    r.published,
    r.error_count,
    case
        when r.report_key is null then 'missing'
        when r.published is null then 'undated'
        when r.late = 1 then 'late'
        else 'on_time'
    end as status
from expected e
join dim_agency a on a.agency_code = e.agency_code and a.is_current = 1
left join fact_report r on r.agency_code = e.agency_code and r.year = e.year and r.is_current = 1;
