update dbo.dim_agency set is_current = 0, valid_to = @At where agency_key = @AgencyKey;
