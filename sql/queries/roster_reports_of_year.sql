-- The current reports of a year, to match against the roster.
select report_key as ReportKey, agency_code as AgencyCode, agency as Agency, region_code as RegionCode, source_url as SourceUrl
from dbo.v_report_current where year = @Year order by agency_code;
