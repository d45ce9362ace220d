-- v_assessment_deduction: 扣分明细, every deduction of every agency's score in a year assessed
-- (`warehouse assess`, assessment_deduction), in order, each naming its reason: the problem in the
-- register's words, the scheme's rule (points each, the lateness band) and the cap of its kind.
--
-- grain: year, entity_key, seq
-- columns (kind: key, attribute, count or rate; unit or meaning):
--   year                   attribute  the year reported on
--   entity_key             key        roster_entity, the agency through renames and moves
--   seq                    attribute  the deduction's place in the agency's list
--   agency                 attribute  the agency's name on the roster that year
--   agency_type            attribute  机关类型 on the roster
--   region_code            key        dim_region, the agency's region on the roster
--   region                 attribute  the region's name
--   province_code          key        dim_region, the province
--   city_code              key        dim_region, the city (null for a province, and a county under no city)
--   rank_group             attribute  the agency's rank group, e.g. 赣州市·县级
--   kind                   attribute  missing, unreadable, late, arithmetic, resemblance, completeness, prose_table or correction
--   kind_label             attribute  kind in Chinese: 未发布, 文件无法读取, 逾期发布, 数据不一致, 雷同, 内容缺项, 文字与表格不符, 复议诉讼纠错
--   points                 count      points deducted (0 when its kind's cap was already reached)
--   reason                 attribute  why, in Chinese: the problem, the rule of the scheme, the cap
--   score                  count      the agency's score (points)
--   source_url             attribute  the URL the report was crawled from, or the file it was loaded from
create or alter view dbo.v_assessment_deduction as
select
    d.year,
    d.entity_key,
    d.seq,
    s.agency,
    s.agency_type,
    s.region_code,
    s.region,
    s.province_code,
    s.city_code,
    s.rank_group,
    d.kind,
    case d.kind
        when 'missing' then N'未发布'
        when 'unreadable' then N'文件无法读取'
        when 'late' then N'逾期发布'
        when 'arithmetic' then N'数据不一致'
        when 'resemblance' then N'雷同'
        when 'completeness' then N'内容缺项'
        when 'prose_table' then N'文字与表格不符'
        else N'复议诉讼纠错'
    end as kind_label,
    d.points,
    d.reason,
    s.score,
    s.source_url
from dbo.assessment_deduction d
join dbo.v_assessment_score s on s.year = d.year and s.entity_key = d.entity_key;
