-- v_region_bridge: the region hierarchy as a bridge (Kimball): one row per region and each
-- level it counts towards, with the region it counts towards there (rollup_code): a county
-- towards itself, its city (when it has one) and its province; a city towards itself and its
-- province; a province towards itself. The regional views (04, 08, 10) sum the figures of a
-- region's reports into every rollup_code through it, so "the reports under X" is one join.
--
-- grain: region_code, level (one row per region and level it counts towards)
-- columns (kind: key, attribute, count or rate; unit or meaning):
--   region_code  key        dim_region, the region of a report's agency
--   level        attribute  county, city or province: the level counted towards
--   rollup_code  key        dim_region, the region counted towards at level
create or alter view dbo.v_region_bridge as
select region_code, 'county' as level, region_code as rollup_code from dbo.dim_region where level = 'county'
union all
select region_code, 'city', city_code from dbo.dim_region where city_code is not null
union all
select region_code, 'province', province_code from dbo.dim_region where province_code is not null;
