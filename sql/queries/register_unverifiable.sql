-- Agencies and years nobody can tell are missing: a document came that could not be read
-- (unreadable; from ingest_rejection itself, so that an agency with no report loaded ever is
-- found too), or the agency's portal could not be crawled (crawl_failed, v_filing_status).
select distinct agency_code as AgencyCode, year as Year, 'unreadable' as Status
from dbo.ingest_rejection
where agency_code is not null and year is not null
union
select agency_code, year, status
from dbo.v_filing_status
where status = 'crawl_failed';
