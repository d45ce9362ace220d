if not exists (select 1 from dbo.dim_region where region_code = @RegionCode)
    insert into dbo.dim_region (region_code, name, level, parent_code, province_code, city_code)
    values (@RegionCode, @Name, @Level, @ParentCode, @ProvinceCode, @CityCode);
