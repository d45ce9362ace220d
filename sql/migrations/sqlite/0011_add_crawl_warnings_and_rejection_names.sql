-- What a finished crawl run warns about even when it worked (a certificate trusted by its pinned
-- fingerprint, …), one Chinese-first line each, separated by line feeds; null when none. /health
-- shows a source whose last run warned as degraded, as one that failed.
alter table crawl_run add column warnings text null;

-- The agency and year a rejected document is named for by its file name, link title or article
-- title (a scanned report without a text layer, say), so that status shows the year as received
-- but unreadable rather than missing. agency_code is the agency's name keyed as the loader keys it
-- (TextKey); all three are null when nothing names them.
alter table ingest_rejection add column agency_code text null;
alter table ingest_rejection add column agency text null;
alter table ingest_rejection add column year integer null;
