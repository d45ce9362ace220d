-- v_assessment_score: 考核评分, the score and rank of each agency on the roster in a year assessed
-- (`warehouse assess`, assessment_score): the scheme it was scored with, the points deducted, the
-- score (not below the scheme's floor), and its rank among the agencies of its rank group (the same
-- region level under the same parent region), competition-ranked (1, 2, 2, 4) by score.
--
-- grain: year, entity_key
-- columns (kind: key, attribute, count or rate; unit or meaning):
--   year                   attribute  the year reported on
--   entity_key             key        roster_entity, the agency through renames and moves
--   scheme                 attribute  the scheme's file name (dashboards/NAME.scheme.yaml)
--   scheme_title           attribute  the scheme's title
--   agency                 attribute  the agency's name on the roster that year
--   agency_type            attribute  机关类型 on the roster
--   region_code            key        dim_region, the agency's region on the roster
--   region                 attribute  the region's name
--   province_code          key        dim_region, the province
--   city_code              key        dim_region, the city (null for a province, and a county under no city)
--   rank_group_code        attribute  the rank group: region level and parent region code
--   rank_group             attribute  the rank group in words, e.g. 赣州市·县级
--   status_label           attribute  the register's status in Chinese (按时发布, 逾期发布, 未发布, …)
--   base_score             count      the scheme's base score (points)
--   deducted               count      points deducted, before the floor (points)
--   score                  count      the score: base_score - deducted, not below the floor (points); null when not scored
--   score_note             attribute  why the score is not simply base - deducted (floor, not due, not judged); null otherwise
--   deduction_count        count      deductions listed for the agency (assessment_deduction), capped ones included
--   rank                   attribute  the agency's place in its rank group (1 highest; ties share it); null when not scored
--   ranked                 count      agencies scored in its rank group
--   rank_note              attribute  who a shared rank is shared with; null when not shared
--   source_url             attribute  the URL the report was crawled from, or the file it was loaded from
create or alter view dbo.v_assessment_score as
select
    s.year,
    s.entity_key,
    s.scheme,
    s.scheme_title,
    s.agency,
    s.agency_type,
    s.region_code,
    g.name as region,
    g.province_code,
    g.city_code,
    s.rank_group_code,
    s.rank_group,
    s.status_label,
    s.base_score,
    s.deducted,
    s.score,
    s.score_note,
    (select count(*) from dbo.assessment_deduction d where d.year = s.year and d.entity_key = s.entity_key) as deduction_count,
    s.rank,
    s.ranked,
    s.rank_note,
    w.origin as source_url
from dbo.assessment_score s
left join dbo.dim_region g on g.region_code = s.region_code
left join dbo.fact_report r on r.report_key = s.report_key
left join dbo.raw_document w on w.sha256 = r.sha256;
