-- v_region_year_applications: one row per region (each level), year, agency type (each, and
-- '全部'), disposal category (row of table 三) and applicant type (column): the sum over the
-- current reports of the agencies under the region (summed per region of the reports first,
-- then rolled up through v_region_bridge).
--
-- grain: level, region_code, year, agency_type, category_code, applicant_code
-- columns (kind: key, attribute, count or rate; unit or meaning):
--   level           attribute  county, city or province: the level of region_code
--   region_code     key        dim_region, the region summed over (at level)
--   region          attribute  the region's name
--   province_code   key        dim_region, the province
--   city_code       key        dim_region, the city (null for a province, and a county under no city)
--   year            attribute  the year reported on
--   agency_type     attribute  as v_agency, or 全部 for every type
--   category_code   key        dim_disposal_category, the row of table 三
--   row_number      attribute  the row's number in table 三 (1-25)
--   category        attribute  the row's label
--   group_code      attribute  the row's group: flow, granted, partial, denied, unavailable, not_processed, other, total
--   applicant_code  key        dim_applicant_type, the column of table 三
--   column_index    attribute  the column's number in table 三 (1-7, 7 = 总计)
--   applicant       attribute  the column's label
--   count           count      applications in this cell, summed
--   reports         count      reports with this cell, summed
create or alter view dbo.v_region_year_applications as
with cells as (
    select c.agency_type, c.region_code, c.region_level, c.province_code, c.city_code, c.year,
           f.category_key, f.applicant_key, sum(f.count) as count, count(*) as reports
    from dbo.v_report_current c
    join dbo.fact_application f on f.report_key = c.report_key
    group by c.agency_type, c.region_code, c.region_level, c.province_code, c.city_code, c.year, f.category_key, f.applicant_key
),
typed as (
    select cells.*, agency_type as type_key from cells
    union all
    select cells.*, N'全部' from cells
),
placed as (
    select t.*, b.rollup_code from typed t join dbo.v_region_bridge b on b.region_code = t.region_code
),
sums as (
    select rollup_code, year, type_key, category_key, applicant_key, sum(count) as count, sum(reports) as reports
    from placed
    group by rollup_code, year, type_key, category_key, applicant_key
)
select
    g.level,
    s.rollup_code as region_code,
    g.name as region,
    g.province_code,
    g.city_code,
    s.year,
    s.type_key as agency_type,
    d.category_code,
    d.row_number,
    d.label as category,
    d.group_code,
    t.applicant_code,
    t.column_index,
    t.label as applicant,
    s.count,
    s.reports
from sums s
join dbo.dim_region g on g.region_code = s.rollup_code
join dbo.dim_disposal_category d on d.category_key = s.category_key
join dbo.dim_applicant_type t on t.applicant_key = s.applicant_key;
