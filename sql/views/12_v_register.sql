-- v_register: the supervisor's register (报送台账): one row per agency on the roster (应报名单) and
-- year it was on it (register_entry, rebuilt after every load, crawl and roster change), with the
-- report matched to it, its status against the region's deadline (31 January of the next year
-- unless an extension is recorded), the days late, the years missing in a row, its problems in
-- the template's words (register_problem: 未发布, 逾期, arithmetic errors, missing sections, prose
-- against table, 雷同) and its open 整改 items. reported_as is the name the report printed, when it
-- is not the roster's (a renamed agency, an alias).
--
-- grain: entity_key, year
-- columns (kind: key, attribute, count or rate; unit or meaning):
--   entity_key             key        roster_entity, the agency through renames and moves
--   year                   attribute  the year reported on
--   agency                 attribute  the agency's name on the roster that year
--   agency_type            attribute  机关类型 on the roster
--   region_code            key        dim_region, the agency's region on the roster
--   region                 attribute  the region's name
--   region_level           attribute  county, city or province
--   province_code          key        dim_region, the province
--   city_code              key        dim_region, the city (null for a province, and a county under no city)
--   report_key             key        fact_report, the current report matched to it; null when none
--   reported_as            attribute  the agency's name as the report prints it, when not the roster's; null otherwise
--   deadline               attribute  the deadline of the year for its region, yyyy-mm-dd
--   filing_date            attribute  the date its status is judged by: the portal's publication date when known, else the signed date; yyyy-mm-dd
--   published_source_label attribute  which date filing_date is: 门户网站 or 落款日期
--   status                 attribute  on_time, late, undated, unreadable, crawl_failed, missing or not_due
--   status_label           attribute  status in Chinese: 按时发布, 逾期发布, 未注明日期, 无法核实（无法读取）, 无法核实（抓取失败）, 未发布, 未到期限
--   days_late              count      days published after the deadline (late only; null otherwise)
--   missing_run            count      years missing in a row up to this one (missing only; null otherwise)
--   problem_count          count      problems the register shows for the year (register_problem)
--   problems               attribute  the problems' Chinese sentences, most severe first; null when none
--   open_items             count      整改 items of the year not yet closed
--   source_url             attribute  the URL the report was crawled from, or the file it was loaded from
create or alter view dbo.v_register as
select
    e.entity_key,
    e.year,
    e.agency,
    e.agency_type,
    e.region_code,
    g.name as region,
    g.level as region_level,
    g.province_code,
    g.city_code,
    e.report_key,
    case when a.name is not null and a.name <> e.agency then a.name end as reported_as,
    e.deadline,
    e.filing_date,
    case e.published_source when 'portal' then N'门户网站' when 'signed' then N'落款日期' end as published_source_label,
    e.status,
    case e.status
        when 'on_time' then N'按时发布'
        when 'late' then N'逾期发布'
        when 'undated' then N'未注明日期'
        when 'unreadable' then N'无法核实（无法读取）'
        when 'crawl_failed' then N'无法核实（抓取失败）'
        when 'not_due' then N'未到期限'
        else N'未发布'
    end as status_label,
    e.days_late,
    e.missing_run,
    (select count(*) from dbo.register_problem p where p.entity_key = e.entity_key and p.year = e.year) as problem_count,
    (
        {{sqlite:select group_concat(x.detail, '')
        from (select detail from dbo.register_problem where entity_key = e.entity_key and year = e.year order by severity, problem_key) x}}{{sqlserver:select string_agg(x.detail, N'') within group (order by x.severity, x.problem_key)
        from dbo.register_problem x
        where x.entity_key = e.entity_key and x.year = e.year}}
    ) as problems,
    (select count(*) from dbo.rectification_item i where i.entity_key = e.entity_key and i.year = e.year and i.state <> 'closed') as open_items,
    d.origin as source_url
from dbo.register_entry e
left join dbo.dim_region g on g.region_code = e.region_code
left join dbo.fact_report r on r.report_key = e.report_key
left join dbo.dim_agency a on a.agency_key = r.agency_key
left join dbo.raw_document d on d.sha256 = r.sha256;
