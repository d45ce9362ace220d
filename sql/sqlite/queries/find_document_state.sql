-- What the warehouse already knows of a document: loaded as a report, rejected, or nothing.
select
    (select report_key from fact_report where sha256 = @Sha256) as report_key,
    (select reason from ingest_rejection where sha256 = @Sha256) as rejection;
