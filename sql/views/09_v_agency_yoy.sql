-- v_agency_yoy: one row per agency and year it reported, with the year before beside it and
-- the change; previous_* are null when it did not report the year before, change_rate is null
-- when the year before had nothing. rule5_breaks and rule7_breaks count the breaks of the
-- cross-year rules into that year. applications_change_size is the change's size, to find the
-- largest changes. disclosure_rate_change_points is the change of the disclosure rate in
-- percentage points (百分点): a difference of two rates is not a percentage.
--
-- grain: agency_code, year
-- columns (kind: key, attribute, count or rate; unit or meaning):
--   agency_code                    key        agency, the same in every year and version
--   agency                         attribute  the agency's name
--   agency_type                    attribute  政府办公室, 人民政府, 乡镇街道 or 政府部门 (v_agency)
--   region_code                    key        dim_region, the region of the report's agency
--   region                         attribute  the region's name
--   province                       attribute  the province's name
--   city                           attribute  the city's name
--   province_code                  key        dim_region, the province
--   city_code                      key        dim_region, the city (null for a province, and a county under no city)
--   source_url                     attribute  the URL the document was crawled from, or the file it was loaded from
--   year                           attribute  the year reported on
--   applications_handled           count      applications (new_received + carried_over)
--   previous_applications_handled  count      applications handled the year before; null when not reported then
--   applications_change            count      applications, this year - the year before (signed)
--   applications_change_size       count      applications, the size of the change (unsigned)
--   applications_change_rate       rate       change / the year before, signed (0.1 = +10%)
--   decided                        count      applications decided ((七)总计, total_processed)
--   disclosure_rate                rate       share of decided applications granted in full or in part, 0-1
--   previous_disclosure_rate       rate       disclosure_rate the year before, 0-1
--   disclosure_rate_change         rate       difference of two shares, signed, on the 0-1 scale
--   disclosure_rate_change_points  rate       percentage points (百分点), signed
--   items_published                count      items of information published (主动公开, the report's own total)
--   previous_items_published       count      items of information published the year before
--   items_published_change         count      items of information, this year - the year before (signed)
--   error_count                    count      findings of severity error
--   rule5_breaks                   count      breaks of rule 5 into this year (rows of v_rule5_carry_over)
--   rule7_breaks                   count      breaks of rule 7 into this year (rows of v_rule7_documents)
create or alter view dbo.v_agency_yoy as
with measures as (
    select
        m.*,
        lag(m.year) over (partition by m.agency_code order by m.year) as lag_year,
        lag(m.applications_handled) over (partition by m.agency_code order by m.year) as lag_applications_handled,
        lag(m.disclosure_rate) over (partition by m.agency_code order by m.year) as lag_disclosure_rate,
        lag(m.items_published) over (partition by m.agency_code order by m.year) as lag_items_published
    from dbo.v_report_measures m
),
previous as (
    -- The year before only when the agency reported that very year.
    select
        measures.*,
        case when lag_year = year - 1 then lag_applications_handled end as previous_applications_handled,
        case when lag_year = year - 1 then lag_disclosure_rate end as previous_disclosure_rate,
        case when lag_year = year - 1 then lag_items_published end as previous_items_published
    from measures
),
rule5 as (
    select agency_code, year, count(*) as breaks from dbo.v_rule5_carry_over group by agency_code, year
),
rule7 as (
    select agency_code, year, count(*) as breaks from dbo.v_rule7_documents group by agency_code, year
)
select
    m.agency_code,
    m.agency,
    m.agency_type,
    m.region_code,
    m.region,
    m.province,
    m.city,
    m.province_code,
    m.city_code,
    m.source_url,
    m.year,
    m.applications_handled,
    m.previous_applications_handled,
    m.applications_handled - m.previous_applications_handled as applications_change,
    abs(m.applications_handled - m.previous_applications_handled) as applications_change_size,
    1.0 * (m.applications_handled - m.previous_applications_handled) / nullif(m.previous_applications_handled, 0) as applications_change_rate,
    m.decided,
    m.disclosure_rate,
    m.previous_disclosure_rate,
    m.disclosure_rate - m.previous_disclosure_rate as disclosure_rate_change,
    100.0 * (m.disclosure_rate - m.previous_disclosure_rate) as disclosure_rate_change_points,
    m.items_published,
    m.previous_items_published,
    m.items_published - m.previous_items_published as items_published_change,
    m.error_count,
    coalesce(r5.breaks, 0) as rule5_breaks,
    coalesce(r7.breaks, 0) as rule7_breaks
from previous m
left join rule5 r5 on r5.agency_code = m.agency_code and r5.year = m.year
left join rule7 r7 on r7.agency_code = m.agency_code and r7.year = m.year;
