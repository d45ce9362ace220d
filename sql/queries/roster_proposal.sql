-- Agencies that reported in a year before @Year, each once by its latest report: a roster to edit.
with latest as (
    select agency_code, max(year) as year from dbo.v_report_current where year < @Year group by agency_code
)
select r.agency as Agency, r.region_code as RegionCode, r.region as Region, r.agency_type as AgencyType, r.year as LastYear
from dbo.v_report_current r
join latest l on l.agency_code = r.agency_code and l.year = r.year
order by r.region_code, r.agency;
