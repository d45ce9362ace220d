-- The digest's headline figures for a year and a region (or all): reports received; the
-- agencies expected to report (rule 6) and how many did on time, late, undated (no closing
-- date) or not at all (missing); reports inconsistent (with errors). 按时发布率 is on_time / expected.
select
    (select count(*) from dbo.v_report_current
     where year = @Year and (@Region is null or province_code = @Region or city_code = @Region or region_code = @Region)) as received,
    (select count(*) from dbo.v_filing_status
     where year = @Year and status = 'late' and (@Region is null or province_code = @Region or city_code = @Region or region_code = @Region)) as late,
    (select count(*) from dbo.v_filing_status
     where year = @Year and status = 'missing' and (@Region is null or province_code = @Region or city_code = @Region or region_code = @Region)) as missing,
    (select count(*) from dbo.v_report_current
     where year = @Year and error_count > 0 and (@Region is null or province_code = @Region or city_code = @Region or region_code = @Region)) as inconsistent,
    (select count(*) from dbo.v_filing_status
     where year = @Year and status = 'undated' and (@Region is null or province_code = @Region or city_code = @Region or region_code = @Region)) as undated,
    (select count(*) from dbo.v_filing_status
     where year = @Year and status = 'on_time' and (@Region is null or province_code = @Region or city_code = @Region or region_code = @Region)) as on_time,
    (select count(*) from dbo.v_filing_status
     where year = @Year and (@Region is null or province_code = @Region or city_code = @Region or region_code = @Region)) as expected;
