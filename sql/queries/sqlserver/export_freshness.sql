-- What a workbook's cover says about the data: current reports, their years, and when the
-- warehouse last took in data (UTC): the latest finished ingest or reparse, finished crawl, or
-- loaded report, whichever is latest (a crawl loads reports without finishing a load batch).
select
    (select count(*) from dbo.fact_report where is_current = 1) as reports,
    (select min(year) from dbo.fact_report where is_current = 1) as first_year,
    (select max(year) from dbo.fact_report where is_current = 1) as last_year,
    (select max(t) from (
        select max(cast(finished_at as datetime2(3))) as t from dbo.load_batch
        union all
        select max(finished_at) from dbo.crawl_run
        union all
        select max(cast(loaded_at as datetime2(3))) from dbo.fact_report
    ) latest) as latest_load;
