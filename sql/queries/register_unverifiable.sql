-- Agencies and years nobody can tell are missing (v_filing_status): a document came that could not
-- be read (unreadable), or the agency's portal could not be crawled (crawl_failed).
select agency_code as AgencyCode, year as Year, status as Status
from dbo.v_filing_status
where status in ('unreadable', 'crawl_failed');
