-- v_report_current: one row per current report (the newest document of an agency and year),
-- with its agency, its kind (v_agency) and the levels of its region. source_url is where its
-- document came from (原文链接): the URL it was crawled from, or the file it was loaded from.
-- A report has two dates: the one it is signed (落款) and the one the portal published it; the
-- portal's judges lateness when known (filing_date, published_source), the signed one otherwise.
--
-- grain: report_key (one row per current report)
-- columns (kind: key, attribute, count or rate; unit or meaning):
--   report_key       key        fact_report
--   year             attribute  the year reported on
--   agency_code      key        agency, the same in every year and version
--   agency           attribute  the agency's name
--   agency_type      attribute  政府办公室, 人民政府, 乡镇街道 or 政府部门 (v_agency)
--   region_code      key        dim_region, the region of the report's agency (null when unknown)
--   region_level     attribute  county, city or province
--   province_code    key        dim_region, the province
--   city_code        key        dim_region, the city (null for a province, and a county under no city)
--   region           attribute  the region's name
--   province         attribute  the province's name
--   city             attribute  the city's name
--   template         attribute  2019 or 2021, the form of the report
--   published        attribute  date the report is signed (落款), yyyy-mm-dd; null when it states none
--   portal_published attribute  date the portal published it (PubDate meta, 发布时间 byline or list page), yyyy-mm-dd; null when not crawled or not said
--   filing_date      attribute  the date lateness is judged by: portal_published when known, else published; yyyy-mm-dd; null when undated
--   published_source attribute  which date filing_date is: portal or signed; null when undated
--   late             attribute  1 when filing_date is after 31 January of the next year, else 0; null when undated
--   items_published  count      items of information published (主动公开, the report's own total)
--   error_count      count      findings of severity error
--   warning_count    count      findings of severity warning
--   source_url       attribute  the URL the document was crawled from, or the file it was loaded from
create or alter view dbo.v_report_current as
select
    r.report_key,
    r.year,
    r.agency_code,
    a.name as agency,
    a.agency_type,
    r.region_code,
    g.level as region_level,
    g.province_code,
    g.city_code,
    g.name as region,
    p.name as province,
    c.name as city,
    r.template,
    r.published,
    r.portal_published,
    coalesce(r.portal_published, r.published) as filing_date,
    r.published_source,
    r.late,
    r.items_published,
    r.error_count,
    r.warning_count,
    d.origin as source_url
from dbo.fact_report r
join dbo.v_agency a on a.agency_key = r.agency_key
left join dbo.dim_region g on g.region_code = r.region_code
left join dbo.dim_region p on p.region_code = g.province_code
left join dbo.dim_region c on c.region_code = g.city_code
left join dbo.raw_document d on d.sha256 = r.sha256
where r.is_current = 1;
