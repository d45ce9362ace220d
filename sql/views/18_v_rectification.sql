-- v_rectification: the 整改台账: one row per 整改 item (rectification_item), open or closed: one
-- problem of one agency's year, followed from when the register first showed it (opened_on) through
-- the 通报 (notified_on, notice_ref) and 整改中 (started_on) until it was corrected (closed_on, how,
-- note), with links to the report it was found in and to the report that corrected it. Items are
-- never deleted: a corrected report closes the item and the old report stays as history.
--
-- grain: item_key
-- columns (kind: key, attribute, count or rate; unit or meaning):
--   item_key               key        rectification_item (序号 of register start/close)
--   entity_key             key        roster_entity, the agency through renames and moves
--   year                   attribute  the year reported on
--   agency                 attribute  the agency's name on the roster that year, else its latest name on the roster (单位)
--   region_code            key        dim_region, the agency's region on the roster
--   region                 attribute  the region's name (地区)
--   province_code          key        dim_region, the province
--   city_code              key        dim_region, the city (null for a province, and a county under no city)
--   kind                   attribute  missing, unreadable, late, arithmetic, resemblance, completeness or prose_table
--   kind_label             attribute  问题类型 (v_problem_kind)
--   severity               attribute  1 (most severe) to 7, in the order of kind
--   detail                 attribute  具体问题: the Chinese sentence of the problem when the item opened
--   state                  attribute  pending, notified, in_progress or closed
--   state_label            attribute  待通报, 已通报, 整改中 or 已整改
--   state_order            attribute  the state's place in the follow-up: 1 待通报, 2 已通报, 3 整改中, 4 已整改
--   opened_on              attribute  the day the register first showed the problem, yyyy-mm-dd (UTC)
--   notified_on            attribute  the day of the 通报, yyyy-mm-dd; null before it
--   notice_ref             attribute  the 通报's reference (文号); null before it
--   started_on             attribute  the day 整改 was recorded as begun, yyyy-mm-dd; null when not
--   closed_on              attribute  the day the item closed, yyyy-mm-dd; null while open
--   closed_how             attribute  corrected_report, next_year, published, problem_gone or by_hand; null while open
--   closed_how_label       attribute  closed_how in Chinese: 更正后的报告已无此问题, 下一年度已按时发布, 已补发, 问题已不存在, 手工销号
--   closed_note            attribute  why it closed (a note required when closed by hand)
--   report_key             key        fact_report, the report the problem was found in (kept when a corrected one supersedes it); null when none
--   source_url             attribute  the link of the report the problem was found in
--   closed_report_key      key        fact_report, the report that closed it (corrected, published or next year's); null otherwise
--   closed_source_url      attribute  the link of the report that closed it
create or alter view dbo.v_rectification as
select
    i.item_key,
    i.entity_key,
    i.year,
    coalesce(e.agency, n.name) as agency,
    coalesce(e.region_code, n.region_code) as region_code,
    g.name as region,
    g.province_code,
    g.city_code,
    i.kind,
    k.kind_label,
    i.severity,
    i.detail,
    i.state,
    case i.state when 'pending' then N'待通报' when 'notified' then N'已通报' when 'in_progress' then N'整改中' when 'closed' then N'已整改' end as state_label,
    case i.state when 'pending' then 1 when 'notified' then 2 when 'in_progress' then 3 else 4 end as state_order,
    {{sqlite:substr(i.opened_at, 1, 10)}}{{sqlserver:cast(i.opened_at as date)}} as opened_on,
    i.notified_on,
    i.notice_ref,
    i.started_on,
    i.closed_on,
    i.closed_how,
    case i.closed_how
        when 'corrected_report' then N'更正后的报告已无此问题'
        when 'next_year' then N'下一年度已按时发布'
        when 'published' then N'已补发'
        when 'problem_gone' then N'问题已不存在'
        when 'by_hand' then N'手工销号'
    end as closed_how_label,
    i.closed_note,
    i.report_key,
    d.origin as source_url,
    i.closed_report_key,
    cd.origin as closed_source_url
from dbo.rectification_item i
left join dbo.register_entry e on e.entity_key = i.entity_key and e.year = i.year
left join dbo.roster_entry n on n.entry_key = (select max(x.entry_key) from dbo.roster_entry x where x.entity_key = i.entity_key)
left join dbo.v_problem_kind k on k.kind = i.kind
left join dbo.dim_region g on g.region_code = coalesce(e.region_code, n.region_code)
left join dbo.fact_report r on r.report_key = i.report_key
left join dbo.raw_document d on d.sha256 = r.sha256
left join dbo.fact_report cr on cr.report_key = i.closed_report_key
left join dbo.raw_document cd on cd.sha256 = cr.sha256;
