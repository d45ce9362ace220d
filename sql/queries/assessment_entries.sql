-- The register's entries of a year, for 考核: each with the group it is ranked in (its region's
-- level under its parent region: a county's city, else its province; a city's province; a province itself).
select e.entity_key as EntityKey, e.year as Year, e.agency as Agency, e.status as Status, e.days_late as DaysLate,
    {{sqlite:e.deadline}}{{sqlserver:convert(nvarchar(10), e.deadline, 23)}} as Deadline, e.report_key as ReportKey,
    coalesce({{concat(g.level, N':', p.region_code)}}, N'none') as RankGroupCode,
    coalesce({{concat(p.name, N'·', case g.level when 'county' then N'县级' when 'city' then N'市级' else N'省级' end)}}, N'地区不明') as RankGroup
from dbo.register_entry e
left join dbo.dim_region g on g.region_code = e.region_code
left join dbo.dim_region p on p.region_code = case g.level when 'county' then coalesce(g.city_code, g.province_code) else g.province_code end
where e.year = @Year
order by e.entity_key;
