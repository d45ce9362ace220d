insert into dim_region (region_code, name, level, parent_code, province_code, city_code)
values (@RegionCode, @Name, @Level, @ParentCode, @ProvinceCode, @CityCode)
on conflict (region_code) do nothing;
