-- For reparse: what a report's parse produced (a hash of its values and findings), and the
-- region hint a document was ingested with, so that the same parse can be run again.
alter table fact_report add column content_hash text null;

alter table raw_document add column region_hint text null;
