-- v_agency_yoy: one row per agency and year it reported, with the year before beside it and
-- the change; previous_* are null when it did not report the year before, change_rate is null
-- when the year before had nothing. rule5_breaks and rule7_breaks count the breaks of the
-- cross-year rules into that year. applications_change_size is the change's size, to find the
-- largest changes. disclosure_rate_change_points is the change of the disclosure rate in
-- percentage points (百分点): a difference of two rates is not a percentage.
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
