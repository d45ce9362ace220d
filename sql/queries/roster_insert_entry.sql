insert into dbo.roster_entry (entity_key, name, name_key, region_code, agency_type, valid_from_year, valid_to_year, change, closed_reason, imported_from, imported_at)
values (@EntityKey, @Name, @NameKey, @RegionCode, @AgencyType, @Year, null, @Change, null, @ImportedFrom, @At);
