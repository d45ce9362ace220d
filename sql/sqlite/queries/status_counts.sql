-- One row: what the warehouse holds, for the status command.
select
    (select count(*) from fact_report where is_current = 1 and (@Year is null or year = @Year)
        and (@Region is null or region_code like @Region || '%')) as reports,
    (select count(distinct agency_code) from fact_report where is_current = 1 and (@Year is null or year = @Year)
        and (@Region is null or region_code like @Region || '%')) as agencies,
    (select count(*) from fact_report where is_current = 0) as superseded,
    (select count(*) from ingest_rejection) as rejected,
    (select count(*) from raw_document) as documents,
    (select coalesce(sum(error_count), 0) from fact_report where is_current = 1 and (@Year is null or year = @Year)
        and (@Region is null or region_code like @Region || '%')) as errors,
    (select coalesce(sum(warning_count), 0) from fact_report where is_current = 1 and (@Year is null or year = @Year)
        and (@Region is null or region_code like @Region || '%')) as warnings,
    (select max(loaded_at) from fact_report) as latest_load;
