-- One row: what the warehouse holds, for the status command.
select
    (select count(*) from dbo.fact_report where is_current = 1 and (@Year is null or year = @Year)
        and (@Region is null or region_code like {{concat(@Region, N'%')}})) as reports,
    (select count(distinct agency_code) from dbo.fact_report where is_current = 1 and (@Year is null or year = @Year)
        and (@Region is null or region_code like {{concat(@Region, N'%')}})) as agencies,
    (select count(*) from dbo.fact_report where is_current = 0) as superseded,
    (select count(*) from dbo.ingest_rejection) as rejected,
    (select count(*) from dbo.raw_document) as documents,
    (select coalesce(sum(error_count), 0) from dbo.fact_report where is_current = 1 and (@Year is null or year = @Year)
        and (@Region is null or region_code like {{concat(@Region, N'%')}})) as errors,
    (select coalesce(sum(warning_count), 0) from dbo.fact_report where is_current = 1 and (@Year is null or year = @Year)
        and (@Region is null or region_code like {{concat(@Region, N'%')}})) as warnings,
    (select max(loaded_at) from dbo.fact_report) as latest_load;
