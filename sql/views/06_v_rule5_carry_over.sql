-- v_rule5_carry_over: rule 5 broken: this year's 上年结转 differs from last year's 结转下年度,
-- per agency, year and applicant column. One row per break, with the agency and its region.
--
-- grain: agency_code, year, applicant_code (one row per break)
-- columns (kind: key, attribute, count or rate; unit or meaning):
--   agency_code     key        agency, the same in every year and version
--   year            attribute  the year reported on
--   agency          attribute  the agency's name
--   agency_type     attribute  政府办公室, 人民政府, 乡镇街道 or 政府部门 (v_agency)
--   region_code     key        dim_region, the region of the report's agency
--   region          attribute  the region's name
--   province_code   key        dim_region, the province
--   city_code       key        dim_region, the city (null for a province, and a county under no city)
--   source_url      attribute  the URL the document was crawled from, or the file it was loaded from
--   applicant_code  key        dim_applicant_type, the column of table 三
--   column_index    attribute  the column's number in table 三 (1-7, 7 = 总计)
--   applicant       attribute  the column's label
--   expected        count      applications: last year's 结转下年度
--   actual          count      applications: this year's 上年结转
--   difference      count      applications, actual - expected (signed)
create or alter view dbo.v_rule5_carry_over as
with flows as (
    select r.agency_code, r.year, r.report_key, t.applicant_code, t.column_index, t.label as applicant, d.category_code, f.count
    from dbo.fact_report r
    join dbo.fact_application f on f.report_key = r.report_key
    join dbo.dim_disposal_category d on d.category_key = f.category_key
    join dbo.dim_applicant_type t on t.applicant_key = f.applicant_key
    where r.is_current = 1 and d.category_code in ('carried_over', 'carried_forward')
)
select
    cur.agency_code,
    cur.year,
    c.agency,
    c.agency_type,
    c.region_code,
    c.region,
    c.province_code,
    c.city_code,
    c.source_url,
    cur.applicant_code,
    cur.column_index,
    cur.applicant,
    prev.count as expected,
    cur.count as actual,
    cur.count - prev.count as difference
from flows cur
join flows prev on prev.agency_code = cur.agency_code and prev.year = cur.year - 1 and prev.applicant_code = cur.applicant_code
join dbo.v_report_current c on c.report_key = cur.report_key
where cur.category_code = 'carried_over' and prev.category_code = 'carried_forward' and cur.count <> prev.count;
