insert into dim_agency (agency_code, name, region_code, valid_from, valid_to, is_current)
values (@AgencyCode, @Name, @RegionCode, @At, null, 1)
returning agency_key;
