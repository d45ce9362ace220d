-- Why a finished crawl run failed (its start page did not answer, or it fetched nothing from its
-- source), in Chinese first; null for a run that succeeded. /health reads the last run of each
-- source, so that a source that stopped answering shows as degraded.
alter table crawl_run add column failure text null;
