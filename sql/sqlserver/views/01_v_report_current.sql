-- v_report_current: one row per current report (the newest document of an agency and year),
-- with its agency, its kind (v_agency) and the levels of its region.
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
    r.warning_count
from dbo.fact_report r
join dbo.v_agency a on a.agency_key = r.agency_key
left join dbo.dim_region g on g.region_code = r.region_code
left join dbo.dim_region p on p.region_code = g.province_code
left join dbo.dim_region c on c.region_code = g.city_code
where r.is_current = 1;
