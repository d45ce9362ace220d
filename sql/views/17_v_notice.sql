-- v_notice: the 通报 list: one row per problem the register shows now (register_problem), of the
-- agencies on the roster with a problem only, in the words a 通报 quotes: 问题类型 (kind_label) and
-- 具体问题 (detail), with 原文链接, 发布日期 and 逾期天数, and the state of the problem's 整改 item.
-- notice_order is the 通报's order within the year: by region (code), then by the agency's most
-- severe problem, the agency, and the problem's severity (1 most severe: 未发布, 无法读取, 逾期发布,
-- 数据不一致, 雷同, 内容不完整, 文字与表格不符); a workbook numbers its rows (序号) in that order.
--
-- grain: entity_key, year, problem_key
-- columns (kind: key, attribute, count or rate; unit or meaning):
--   entity_key             key        roster_entity, the agency through renames and moves
--   year                   attribute  the year reported on
--   problem_key            key        the problem within the agency's year (kind, and a finding's rule, row and column)
--   agency                 attribute  the agency's name on the roster that year (单位)
--   agency_type            attribute  机关类型 on the roster
--   region_code            key        dim_region, the agency's region on the roster
--   region                 attribute  the region's name (地区)
--   province_code          key        dim_region, the province
--   city_code              key        dim_region, the city (null for a province, and a county under no city)
--   kind                   attribute  missing, unreadable, late, arithmetic, resemblance, completeness or prose_table
--   kind_label             attribute  问题类型 (v_problem_kind)
--   severity               attribute  1 (most severe) to 7, in the order of kind
--   detail                 attribute  具体问题: the Chinese sentence the 通报 quotes
--   report_key             key        fact_report, the report the problem is in; null when none was published
--   source_url             attribute  原文链接: the URL the report was crawled from, or the file it was loaded from; null when none
--   filing_date            attribute  发布日期: the portal's publication date when known, else the signed date; yyyy-mm-dd
--   days_late              count      逾期天数: days published after the deadline (late only; null otherwise)
--   item_key               key        rectification_item, the problem's latest 整改 item (序号 of register start/close)
--   item_state             attribute  the item's state: pending, notified, in_progress or closed
--   item_state_label       attribute  待通报, 已通报, 整改中 or 已整改
--   notice_ref             attribute  the 通报's reference (文号) when notified; null otherwise
--   notice_order           attribute  the row's place in the year's 通报 (1 first): region, the agency's most severe problem, agency, severity
create or alter view dbo.v_notice as
select
    n.entity_key,
    n.year,
    n.problem_key,
    n.agency,
    n.agency_type,
    n.region_code,
    n.region,
    n.province_code,
    n.city_code,
    n.kind,
    n.kind_label,
    n.severity,
    n.detail,
    n.report_key,
    n.source_url,
    n.filing_date,
    n.days_late,
    n.item_key,
    n.item_state,
    n.item_state_label,
    n.notice_ref,
    row_number() over (
        partition by n.year
        order by case when n.region_code is null then 1 else 0 end, n.region_code, n.agency_severity, n.agency, n.entity_key, n.severity, n.problem_key
    ) as notice_order
from (
    select
        p.entity_key,
        p.year,
        p.problem_key,
        e.agency,
        e.agency_type,
        e.region_code,
        g.name as region,
        g.province_code,
        g.city_code,
        p.kind,
        k.kind_label,
        p.severity,
        min(p.severity) over (partition by p.entity_key, p.year) as agency_severity,
        p.detail,
        p.report_key,
        d.origin as source_url,
        e.filing_date,
        e.days_late,
        i.item_key,
        i.state as item_state,
        case i.state when 'pending' then N'待通报' when 'notified' then N'已通报' when 'in_progress' then N'整改中' when 'closed' then N'已整改' end as item_state_label,
        i.notice_ref
    from dbo.register_problem p
    join dbo.register_entry e on e.entity_key = p.entity_key and e.year = p.year
    left join dbo.v_problem_kind k on k.kind = p.kind
    left join dbo.dim_region g on g.region_code = e.region_code
    left join dbo.fact_report r on r.report_key = p.report_key
    left join dbo.raw_document d on d.sha256 = r.sha256
    left join dbo.rectification_item i on i.item_key = (
        select max(x.item_key) from dbo.rectification_item x
        where x.entity_key = p.entity_key and x.year = p.year and x.problem_key = p.problem_key
    )
) n;
