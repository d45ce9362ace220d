-- The current report of an agency and year, with its closing date (to decide which is newer).
select report_key, published from fact_report where agency_code = @AgencyCode and year = @Year and is_current = 1;
