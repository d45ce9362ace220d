select agency_key, agency_code, name, region_code from dbo.dim_agency where agency_code = @AgencyCode and is_current = 1;
