-- What a workbook's cover says about the data: current reports, their years, and the latest load.
select
    (select count(*) from fact_report where is_current = 1) as reports,
    (select min(year) from fact_report where is_current = 1) as first_year,
    (select max(year) from fact_report where is_current = 1) as last_year,
    (select max(finished_at) from load_batch) as latest_load;
