-- v_region_year_denied: one row per region (each level), year, agency type (each, and
-- '全部') and reason of 不予公开 (rows 5-12 of table 三, total column): the count, its share
-- of all denials (不予公开 by reason) and of all decisions, null when the denominator is zero.
-- Summed per region of the reports first, then rolled up through v_region_bridge.
--
-- grain: level, region_code, year, agency_type, category_code
-- columns (kind: key, attribute, count or rate; unit or meaning):
--   level             attribute  county, city or province: the level of region_code
--   region_code       key        dim_region, the region summed over (at level)
--   region            attribute  the region's name
--   province_code     key        dim_region, the province
--   city_code         key        dim_region, the city (null for a province, and a county under no city)
--   year              attribute  the year reported on
--   agency_type       attribute  as v_agency, or 全部 for every type
--   category_code     key        dim_disposal_category, the row of table 三
--   row_number        attribute  the row's number in table 三 (5-12)
--   reason            attribute  the reason's label (rows 5-12 of table 三)
--   count             count      applications denied for this reason
--   denied            count      applications denied, all reasons
--   share_of_denied   rate       share of all denials, 0-1
--   share_of_decided  rate       share of decided applications, 0-1
create or alter view dbo.v_region_year_denied as
with cells as (
    select c.region_code, c.region_level, c.province_code, c.city_code, c.year, c.agency_type,
           d.category_code, d.row_number, d.label, d.group_code, sum(f.count) as count
    from dbo.v_report_current c
    join dbo.fact_application f on f.report_key = c.report_key
    join dbo.dim_disposal_category d on d.category_key = f.category_key
    join dbo.dim_applicant_type t on t.applicant_key = f.applicant_key
    where t.applicant_code = 'total' and (d.group_code = 'denied' or d.category_code = 'total_processed')
    group by c.region_code, c.region_level, c.province_code, c.city_code, c.year, c.agency_type,
             d.category_code, d.row_number, d.label, d.group_code
),
typed as (
    select cells.*, agency_type as type_key from cells
    union all
    select cells.*, N'全部' from cells
),
placed as (
    select t.*, b.rollup_code from typed t join dbo.v_region_bridge b on b.region_code = t.region_code
),
sums as (
    select rollup_code, year, type_key, category_code, row_number, label, group_code, sum(count) as count
    from placed
    group by rollup_code, year, type_key, category_code, row_number, label, group_code
),
totals as (
    select rollup_code, year, type_key,
           sum(case when group_code = 'denied' then count end) as denied,
           sum(case when category_code = 'total_processed' then count end) as decided
    from sums
    group by rollup_code, year, type_key
)
select
    g.level,
    s.rollup_code as region_code,
    g.name as region,
    g.province_code,
    g.city_code,
    s.year,
    s.type_key as agency_type,
    s.category_code,
    s.row_number,
    s.label as reason,
    s.count,
    t.denied,
    1.0 * s.count / nullif(t.denied, 0) as share_of_denied,
    1.0 * s.count / nullif(t.decided, 0) as share_of_decided
from sums s
join totals t on t.rollup_code = s.rollup_code and t.year = s.year and t.type_key = s.type_key
join dbo.dim_region g on g.region_code = s.rollup_code
where s.group_code = 'denied';
