select r.report_key, r.content_hash, r.agency_code, r.year, r.is_current, a.name as agency
from dbo.fact_report r join dbo.dim_agency a on a.agency_key = r.agency_key
where r.sha256 = @Sha256;
