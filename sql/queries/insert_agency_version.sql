insert into dbo.dim_agency (agency_code, name, region_code, valid_from, valid_to, is_current)
{{sqlserver:output inserted.agency_key
}}values (@AgencyCode, @Name, @RegionCode, @At, null, 1){{sqlite:
returning agency_key}};
