-- What the warehouse already knows of a document: loaded as a report, rejected, or nothing.
select
    (select report_key from dbo.fact_report where sha256 = @Sha256) as report_key,
    (select reason from dbo.ingest_rejection where sha256 = @Sha256) as rejection;
