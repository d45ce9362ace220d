-- The digest's headline figures for a year and a region (or all): reports received, late,
-- missing (expected by rule 6, not published), inconsistent (with errors).
select
    (select count(*) from v_report_current
     where year = @Year and (@Region is null or province_code = @Region or city_code = @Region or region_code = @Region)) as received,
    (select count(*) from v_filing_status
     where year = @Year and status = 'late' and (@Region is null or province_code = @Region or city_code = @Region or region_code = @Region)) as late,
    (select count(*) from v_filing_status
     where year = @Year and status = 'missing' and (@Region is null or province_code = @Region or city_code = @Region or region_code = @Region)) as missing,
    (select count(*) from v_report_current
     where year = @Year and error_count > 0 and (@Region is null or province_code = @Region or city_code = @Region or region_code = @Region)) as inconsistent;
