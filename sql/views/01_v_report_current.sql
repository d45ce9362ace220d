-- v_report_current: one row per current report (the newest document of an agency and year),
-- with its agency, its kind (v_agency) and the levels of its region. source_url is where its
-- document came from (原文链接): the URL it was crawled from, or the file it was loaded from.
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
