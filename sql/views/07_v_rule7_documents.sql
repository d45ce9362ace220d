-- v_rule7_documents: rule 7 broken (a warning): last year's 现行有效 + this year's 制发 - 废止
-- differs from this year's 现行有效, for 规章 and 行政规范性文件. One row per break, with the
-- agency and its region.
--
-- grain: agency_code, year, item_code (one row per break)
-- columns (kind: key, attribute, count or rate; unit or meaning):
--   agency_code    key        agency, the same in every year and version
--   year           attribute  the year reported on
--   agency         attribute  the agency's name
--   agency_type    attribute  政府办公室, 人民政府, 乡镇街道 or 政府部门 (v_agency)
--   region_code    key        dim_region, the region of the report's agency
--   region         attribute  the region's name
--   province_code  key        dim_region, the province
--   city_code      key        dim_region, the city (null for a province, and a county under no city)
--   source_url     attribute  the URL the document was crawled from, or the file it was loaded from
--   item_code      key        dim_active_item: regulations or normative_documents
--   item           attribute  the item's label (规章, 行政规范性文件)
--   expected       count      documents: last year's 现行有效 + 制发 - 废止
--   actual         count      documents: this year's 现行有效
--   difference     count      documents, actual - expected (signed)
create or alter view dbo.v_rule7_documents as
with counts as (
    select
        r.agency_code,
        r.year,
        r.report_key,
        i.item_code,
        i.label as item,
        sum(case when f.measure_code = 'issued' then f.value end) as issued,
        sum(case when f.measure_code = 'repealed' then f.value end) as repealed,
        sum(case when f.measure_code = 'in_force' then f.value end) as in_force
    from dbo.fact_report r
    join dbo.fact_active_disclosure f on f.report_key = r.report_key
    join dbo.dim_active_item i on i.item_key = f.item_key
    where r.is_current = 1 and i.item_code in ('regulations', 'normative_documents')
    group by r.agency_code, r.year, r.report_key, i.item_code, i.label
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
    cur.item_code,
    cur.item,
    prev.in_force + cur.issued - cur.repealed as expected,
    cur.in_force as actual,
    cur.in_force - (prev.in_force + cur.issued - cur.repealed) as difference
from counts cur
join counts prev on prev.agency_code = cur.agency_code and prev.year = cur.year - 1 and prev.item_code = cur.item_code
join dbo.v_report_current c on c.report_key = cur.report_key
where prev.in_force + cur.issued - cur.repealed <> cur.in_force;
