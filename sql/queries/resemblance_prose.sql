-- The prose of every current report, with what groups it for the 雷同 check: agency, region, year.
select r.report_key as ReportKey, r.agency_code as AgencyCode, r.region_code as RegionCode, r.year as Year, p.prose as Prose
from dbo.fact_report r
join dbo.report_prose p on p.report_key = r.report_key
where r.is_current = 1;
