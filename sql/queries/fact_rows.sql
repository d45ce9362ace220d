-- Rows in each fact table (benchmarks and summaries).
select
    (select count(*) from dbo.fact_application) as applications,
    (select count(*) from dbo.fact_review_litigation) as review_litigation,
    (select count(*) from dbo.fact_active_disclosure) as active_disclosure;
