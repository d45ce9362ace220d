-- The current report of an agency and year, with its closing date (to decide which is newer).
select report_key, convert(char(10), published, 23) as published from dbo.fact_report where agency_code = @AgencyCode and year = @Year and is_current = 1;
