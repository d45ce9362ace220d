-- For reparse: what a report's parse produced, and the region hint a document was ingested with.
alter table dbo.fact_report add content_hash char(64) null;

alter table dbo.raw_document add region_hint nvarchar(12) null;
