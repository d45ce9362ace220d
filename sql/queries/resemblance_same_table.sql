-- Current reports whose table 三 equals, cell for cell, their agency's current report of the year
-- before. A table of nothing but zeros and blanks is left out: an agency that received no
-- application two years running has the same table and copied nothing.
with pairs as (
    select r.report_key, p.report_key as previous_key
    from dbo.fact_report r
    join dbo.fact_report p on p.agency_code = r.agency_code and p.year = r.year - 1 and p.is_current = 1
    where r.is_current = 1
)
select x.report_key as ReportKey, x.previous_key as PreviousKey
from pairs x
where exists (select 1 from dbo.fact_application a where a.report_key = x.report_key and a.count > 0)
  and not exists (
      select 1
      from dbo.fact_application a
      left join dbo.fact_application b
        on b.report_key = x.previous_key and b.category_key = a.category_key and b.applicant_key = a.applicant_key
      where a.report_key = x.report_key
        and (b.report_key is null or a.count is null or b.count is null or a.count <> b.count));
