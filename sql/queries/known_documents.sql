-- Every document already loaded as a report or rejected: ingest does not parse these again.
select sha256 from dbo.fact_report
union
select sha256 from dbo.ingest_rejection;
