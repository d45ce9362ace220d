-- v_register_region_year: the register (报送台账) summed per region, year and agency type over the
-- roster (应报名单): how many agencies were expected to report (on the roster that year), how many
-- reports were received (matched to a roster entry), and how many of them were on time, late,
-- undated, missing, unverifiable or not yet due; 按时发布率 and 报告覆盖率 computed from the sums,
-- null when no agency was expected. One row per region at each level (county, city, province),
-- summing the agencies under it through v_region_bridge, as v_region_year_measures does; each
-- agency type, and 全部 for all of them (an entry whose roster gives no type takes the one its
-- name reads as, as v_agency). A year without a roster has no rows: no zeros stand for "not known".
-- Unlike on_time_rate of v_region_year_measures (rule 6: reported this year or last), the base
-- here is the roster, so an agency that never published counts as expected.
--
-- grain: level, region_code, year, agency_type
-- columns (kind: key, attribute, count or rate; unit or meaning):
--   level                attribute  county, city or province: the level of region_code
--   region_code          key        dim_region, the region summed over (at level)
--   region               attribute  the region's name
--   province_code        key        dim_region, the province
--   city_code            key        dim_region, the city (null for a province, and a county under no city)
--   parent_code          key        dim_region, the region above
--   year                 attribute  the year reported on
--   agency_type          attribute  机关类型 on the roster (or read from the name), or 全部 for every type
--   expected             count      agencies on the roster that year (应报)
--   received             count      agencies with a report matched to them (收到报告)
--   on_time              count      agencies whose report was published by the deadline (按时发布)
--   late                 count      agencies whose report was published after the deadline (逾期发布)
--   undated              count      agencies whose report has no date to judge it by (未注明日期)
--   missing              count      agencies without a report after the deadline (未发布)
--   unverifiable         count      agencies whose report could not be read or fetched (无法核实: unreadable, crawl_failed)
--   not_due              count      agencies without a report before the deadline (未到期限)
--   roster_on_time_rate  rate       share of the agencies on the roster published on time (on_time / expected), 0-1
--   coverage_rate        rate       share of the agencies on the roster whose report was received (received / expected), 0-1
create or alter view dbo.v_register_region_year as
with typed_entry as (
    select
        e.year,
        e.region_code,
        coalesce(e.agency_type, case
            when e.agency like N'%人民政府办公室' or e.agency like N'%人民政府办公厅' or e.agency like N'%党政办公室' then N'政府办公室'
            when e.agency like N'%街道办事处' or e.agency like N'%乡人民政府' or e.agency like N'%镇人民政府' then N'乡镇街道'
            when e.agency like N'%人民政府' then N'人民政府'
            else N'政府部门'
        end) as agency_type,
        e.report_key,
        e.status
    from dbo.register_entry e
    where e.region_code is not null
),
base as (
    select
        year, region_code, agency_type,
        count(*) as expected,
        sum(case when report_key is not null then 1 else 0 end) as received,
        sum(case when status = 'on_time' then 1 else 0 end) as on_time,
        sum(case when status = 'late' then 1 else 0 end) as late,
        sum(case when status = 'undated' then 1 else 0 end) as undated,
        sum(case when status = 'missing' then 1 else 0 end) as missing,
        sum(case when status in ('unreadable', 'crawl_failed') then 1 else 0 end) as unverifiable,
        sum(case when status = 'not_due' then 1 else 0 end) as not_due
    from typed_entry
    group by year, region_code, agency_type
),
typed as (
    select base.*, agency_type as type_key from base
    union all
    select base.*, N'全部' from base
),
rolled as (
    select
        b.level, b.rollup_code, t.year, t.type_key,
        sum(t.expected) as expected,
        sum(t.received) as received,
        sum(t.on_time) as on_time,
        sum(t.late) as late,
        sum(t.undated) as undated,
        sum(t.missing) as missing,
        sum(t.unverifiable) as unverifiable,
        sum(t.not_due) as not_due
    from typed t
    join dbo.v_region_bridge b on b.region_code = t.region_code
    group by b.level, b.rollup_code, t.year, t.type_key
)
select
    r.level,
    r.rollup_code as region_code,
    g.name as region,
    g.province_code,
    g.city_code,
    g.parent_code,
    r.year,
    r.type_key as agency_type,
    r.expected,
    r.received,
    r.on_time,
    r.late,
    r.undated,
    r.missing,
    r.unverifiable,
    r.not_due,
    1.0 * r.on_time / nullif(r.expected, 0) as roster_on_time_rate,
    1.0 * r.received / nullif(r.expected, 0) as coverage_rate
from rolled r
join dbo.dim_region g on g.region_code = r.rollup_code;
