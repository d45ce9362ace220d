select report_key from dbo.fact_report where agency_code = @AgencyCode and year = @Year and is_current = 1;
