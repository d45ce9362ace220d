-- v_region_year_measures: one row per region (at each level: county, city, province), year
-- and agency type (each type, and '全部' for all of them), summing the current reports of the
-- agencies under it; the rates are computed from the sums, null when the denominator is zero;
-- on_time_rate from dbo.v_filing_status. province_code and city_code place the region itself, so
-- that "regions within X" is one test for every level. The counts are summed per region of
-- the reports first, then rolled up through v_region_bridge: sums add up, and the roll-up then
-- moves few rows.
-- reports is the number of agencies whose reports a row sums; regions_covered the regions
-- (counties, or the region itself for agencies of its own level) they come from; coverage_note
-- says so when a city or province row is built from one region only.
--
-- grain: level, region_code, year, agency_type
-- columns (kind: key, attribute, count or rate; unit or meaning):
--   level                    attribute  county, city or province: the level of region_code
--   region_code              key        dim_region, the region summed over (at level)
--   region                   attribute  the region's name
--   province_code            key        dim_region, the province
--   city_code                key        dim_region, the city (null for a province, and a county under no city)
--   parent_code              key        dim_region, the region above
--   year                     attribute  the year reported on
--   agency_type              attribute  as v_agency, or 全部 for every type
--   reports                  count      current reports summed (agencies)
--   expected_reports         count      reports expected (rule 6, v_filing_status)
--   on_time_reports          count      reports expected and published on time
--   items_published          count      items of information published (主动公开, the report's own total)
--   normative_issued         count      normative documents issued (行政规范性文件 制发)
--   licensing                count      licensing decisions (行政许可)
--   penalty                  count      penalty decisions (行政处罚)
--   new_received             count      applications (本年新收)
--   applications_handled     count      applications (new_received + carried_over)
--   decided                  count      applications decided ((七)总计, total_processed)
--   denied                   count      applications (不予公开)
--   disputes                 count      administrative reviews and lawsuits
--   disclosure_rate          rate       share of decided applications granted in full or in part, 0-1
--   denied_rate              rate       share of decided applications denied, 0-1
--   carry_over_rate          rate       share of handled applications carried forward, 0-1
--   overall_correction_rate  rate       share of reviews and lawsuits corrected, 0-1
--   dispute_rate             rate       reviews and lawsuits per new application (0.1 = one in ten)
--   on_time_rate             rate       share of expected reports published on time, 0-1
--   rankable                 attribute  1 when 30 applications or more were handled (rates over fewer are not ranked), else 0
--   regions_covered          count      regions the summed reports come from
--   coverage_note            attribute  a Chinese note when a city or province row holds one region only; else null
create or alter view dbo.v_region_year_measures as
with base as (
    select
        region_code, region, region_level, province_code, city_code, year, agency_type,
        count(*) as reports,
        sum(items_published) as items_published,
        sum(normative_issued) as normative_issued,
        sum(licensing) as licensing,
        sum(penalty) as penalty,
        sum(new_received) as new_received,
        sum(applications_handled) as applications_handled,
        sum(decided) as decided,
        sum(granted + partially_granted) as disclosed,
        sum(denied) as denied,
        sum(carried_forward) as carried_forward,
        sum(review_corrected) as review_corrected,
        sum(litigation_corrected) as litigation_corrected,
        sum(review_total) as review_total,
        sum(litigation_total) as litigation_total
    from dbo.v_report_measures
    group by region_code, region, region_level, province_code, city_code, year, agency_type
),
typed as (
    select base.*, agency_type as type_key from base
    union all
    select base.*, N'全部' from base
),
placed as (
    select t.*, b.level, b.rollup_code from typed t join dbo.v_region_bridge b on b.region_code = t.region_code
),
filing_base as (
    select year, agency_type, province_code, city_code, region_code, region_level,
           sum(case when status = 'on_time' then 1 else 0 end) as on_time, count(*) as expected
    from dbo.v_filing_status
    where region_level is not null
    group by year, agency_type, province_code, city_code, region_code, region_level
),
filing as (
    select f.*, agency_type as type_key from filing_base f
    union all
    select f.*, N'全部' from filing_base f
),
filing_rollup as (
    select f.year, f.type_key, b.rollup_code, sum(f.on_time) as on_time, sum(f.expected) as expected
    from filing f
    join dbo.v_region_bridge b on b.region_code = f.region_code
    group by f.year, f.type_key, b.rollup_code
)
select
    p.level,
    p.rollup_code as region_code,
    g.name as region,
    g.province_code,
    g.city_code,
    g.parent_code,
    p.year,
    p.type_key as agency_type,
    sum(p.reports) as reports,
    max(f.expected) as expected_reports,
    max(f.on_time) as on_time_reports,
    sum(p.items_published) as items_published,
    sum(p.normative_issued) as normative_issued,
    sum(p.licensing) as licensing,
    sum(p.penalty) as penalty,
    sum(p.new_received) as new_received,
    sum(p.applications_handled) as applications_handled,
    sum(p.decided) as decided,
    sum(p.denied) as denied,
    sum(p.review_total) + sum(p.litigation_total) as disputes,
    1.0 * sum(p.disclosed) / nullif(sum(p.decided), 0) as disclosure_rate,
    1.0 * sum(p.denied) / nullif(sum(p.decided), 0) as denied_rate,
    1.0 * sum(p.carried_forward) / nullif(sum(p.applications_handled), 0) as carry_over_rate,
    1.0 * (sum(p.review_corrected) + sum(p.litigation_corrected)) / nullif(sum(p.review_total) + sum(p.litigation_total), 0) as overall_correction_rate,
    1.0 * (sum(p.review_total) + sum(p.litigation_total)) / nullif(sum(p.new_received), 0) as dispute_rate,
    1.0 * max(f.on_time) / nullif(max(f.expected), 0) as on_time_rate,
    case when sum(p.applications_handled) >= 30 then 1 else 0 end as rankable,
    count(distinct p.region_code) as regions_covered,
    case
        when p.level = 'county' or count(distinct p.region_code) > 1 then null
        when max(p.region_code) = p.rollup_code then N'仅含本级机关的报告'
        else {{concat(N'仅含', max(p.region), N'一地的报告')}}
    end as coverage_note
from placed p
join dbo.dim_region g on g.region_code = p.rollup_code
left join filing_rollup f on f.rollup_code = p.rollup_code and f.year = p.year and f.type_key = p.type_key
group by p.level, p.rollup_code, g.name, g.province_code, g.city_code, g.parent_code, p.year, p.type_key;
